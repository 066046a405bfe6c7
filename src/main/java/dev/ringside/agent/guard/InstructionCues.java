package dev.ringside.agent.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * The vocabulary of instructions planted in data: what people write when they try to talk to the
 * model reading a tool output instead of to a person reading a log. Weights: 3 decides alone
 * (nobody writes "ignore all previous instructions" in a kubelet log), 2 and 1 are hints that
 * need company (an imperative "delete the namespace" or a line starting "system: " is
 * suspicious, not damning).
 */
final class InstructionCues {

    private InstructionCues() {
    }

    /** Any one word of the words reading. */
    private static final String WORD = "[^ .]+";

    private static String gap(int words) {
        return "(?: " + WORD + "){0," + words + "}";
    }

    private static String any(String... alternatives) {
        return "(?:" + String.join("|", alternatives) + ")";
    }

    static final String WRITE_TOOLS = any("delete_pod", "rollout_restart", "add_labels", "scale_deployment",
            "rollback_deployment", "set_image", "patch_resource", "get_secret", "cordon_node", "delete_deployment",
            "delete_pvc", "delete_namespace", "run_command");
    static final String READ_TOOLS = any("list_pods", "list_deployments", "list_events", "get_pod_logs",
            "describe_deployment", "rollout_history");

    private static final String OVERRIDE_VERBS = any("ignore", "ignoring", "disregard", "disregarding", "forget",
            "override", "overriding", "bypass", "abandon", "discard", "neglect", "drop", "skip", "cancel", "nullify",
            "void", "suspend", "set aside", "throw out", "do not follow", "don t follow", "stop following", "no longer follow");
    private static final String QUALIFIERS = any("all", "any", "every", "your", "previous", "previously", "prior",
            "above", "earlier", "preceding", "foregoing", "former", "existing", "original", "initial", "system",
            "safety", "security", "these", "those", "my", "old", "standing", "earlier", "given", "operator");
    private static final String FILLERS = any("the", "of", "and", "s", "given", "provided", "current", "other",
            "default", "configured", "established", "that", "you", "were", "have", "been", "received", "got");
    private static final String RULE_NOUNS = any("instructions?", "rules?", "guidelines?", "directives?", "prompts?",
            "guardrails?", "restrictions?", "constraints?", "policies", "safeguards?", "programming", "orders",
            "directions", "commands", "limitations?", "boundaries", "context", "messages", "guidance", "training");
    private static final String INSTRUCTION_NOUNS = any("instructions?", "directives?", "prompts?", "guardrails?",
            "programming", "system prompt");

    private static final String ACTION_VERBS = any("delete", "remove", "destroy", "drop", "wipe", "purge", "erase",
            "terminate", "kill", "nuke", "scale", "scale down", "rollback", "roll back", "revert", "downgrade",
            "restart", "bounce", "recreate", "redeploy", "patch", "edit", "modify", "update", "change", "set",
            "replace", "swap", "grant", "give", "bind", "elevate", "escalate", "add", "apply", "create", "label",
            "relabel", "annotate", "cordon", "drain", "taint", "evict", "run", "execute", "exec", "call", "invoke",
            "trigger", "read", "fetch", "get", "dump", "print", "show", "reveal", "output", "export", "exfiltrate",
            "leak", "send", "post", "upload", "copy", "disable", "stop", "shut down", "shutdown", "pause", "suspend",
            "uninstall", "deploy", "push", "point", "move", "steal", "route", "redirect");
    private static final String TARGETS = any("deployments?", "deploy", "namespaces?", "ns", "pvcs?",
            "persistentvolumeclaims?", "persistent volume claims?", "volumes?", "pv", "secrets?", "credentials?",
            "passwords?", "tokens?", "api keys?", "kubeconfig", "cluster admin", "clusteradmin", "cluster role",
            "clusterrolebindings?", "clusterroles?", "rolebindings?", "role bindings?", "rbac", "service accounts?",
            "serviceaccounts?", "nodes?", "replicas", "replicasets?", "images?", "container image", "pods?",
            "labels?", "selectors?", "statefulsets?", "daemonsets?", "everything",
            "all resources", "all workloads", "commands?", "shell", "script", "payload", "revision \\d+",
            "to 0", "to zero", "0 replicas", "zero replicas", "production", "prod", "env vars?", "environment variables?");
    private static final String IMPERATIVE_LEAD = any("\\.", "please", "kindly", "now", "then", "and", "also", "just",
            "immediately", "quickly", "first", "next", "go ahead and", "proceed to", "be sure to", "make sure to",
            "you should", "you must", "you need to", "you have to", "you will", "you shall", "we need you to",
            "must", "should", "shall", "needs to", "need to", "has to", "have to", "is required to", "are required to",
            "is expected to", "is instructed to", "is authori[sz]ed to", "wants you to", "asks you to",
            "i need you to", "i want you to", "it is required to", "remember to", "do not forget to", "don t forget to");
    private static final String AGENT_NOUNS = any("ai", "a i", "llm", "llms", "gpt", "chatgpt", "claude", "gemini",
            "copilot", "agent", "agents", "assistant", "assistants", "bot", "model", "automation", "autopilot",
            "language model", "ai agent", "ai assistant", "sre agent", "remediation agent", "ringside");

    static final List<Cue> ALL = build();

    /** Keywords in other scripts go through the same folding as the text, so they meet it half way. */
    private static String fold(String lowercaseRegex) {
        return Readings.folded(lowercaseRegex).text();
    }

    private static List<Cue> build() {
        List<Cue> cues = new ArrayList<>();

        // Overrides of the model's instructions, in plain words, split words, leetspeak, other languages.
        cues.add(Cue.words("override-phrase", 3, OVERRIDE_VERBS + "(?: " + FILLERS + "){0,3} " + QUALIFIERS + "(?: " + any(QUALIFIERS, FILLERS) + "){0,3} " + RULE_NOUNS));
        cues.add(Cue.words("override-phrase", 3, OVERRIDE_VERBS + "(?: " + any(QUALIFIERS, FILLERS) + "){0,3} "
                + INSTRUCTION_NOUNS));
        cues.add(Cue.words("override-phrase", 3, any("ignore", "disregard", "forget") + " "
                + any("everything", "anything", "all", "what", "the text", "the above", "the previous", "that")
                + "(?: " + any("you", "were", "was", "have", "been", "told", "said", "written", "i", "said") + "){0,3} "
                + any("above", "before", "previously", "earlier", "prior", "so far", "until now", "up to now", "told",
                        "said", "else")));
        cues.add(Cue.words("override-phrase", 3, any("ignore", "disregard") + " the " + any("above", "previous", "prior",
                "preceding", "earlier", "foregoing")));
        cues.add(Cue.compact("override-phrase", 3, any("ignor(?:e|ing)", "disregard", "forget", "overrid(?:e|ing)",
                "bypass") + any("the", "all", "any", "your", "my", "of", "these")
                + "{0,3}" + any("previous", "prior", "above", "earlier", "preceding", "former", "existing", "original",
                "system", "safety", "all", "your") + "{1,3}" + any("instructions?", "rules", "guidelines", "directives",
                "prompts?", "guardrails", "restrictions", "constraints", "programming", "policies")));
        cues.add(Cue.compact("override-phrase", 3, any("forgetyour", "ignoreyour", "disregardyour", "overrideyour",
                "bypassyour") + any("instructions?", "rules", "guidelines", "directives", "prompts?", "guardrails",
                "programming", "safety")));

        cues.add(Cue.words("override-phrase", 3, any("ignora", "ignore", "ignorar", "ignoren", "olvida", "olvide",
                "olvidar", "olviden", "descarta", "omite", "desobedece") + gap(3) + " "
                + any("instrucciones", "reglas", "indicaciones", "ordenes", "órdenes", "directrices")));
        cues.add(Cue.words("override-phrase", 3, any("ignore", "ignorez", "ignorer", "oublie", "oubliez", "oublier",
                "ne tiens pas compte") + gap(3) + " " + any("instructions", "consignes", "règles", "regles", "directives")));
        cues.add(Cue.words("override-phrase", 3, any("ignoriere", "ignorieren", "ignoriert", "vergiss", "vergesst",
                "vergessen", "missachte", "missachten") + gap(3) + " "
                + any("anweisungen", "regeln", "vorgaben", "instruktionen", "befehle", "richtlinien")));
        cues.add(Cue.words("override-phrase", 3, any("ignore", "ignora", "ignorar", "esqueça", "esqueca", "esqueci",
                "desconsidere", "dimentica", "dimenticate", "ignorate", "negeer", "vergeet", "zignoruj", "ignoruj",
                "zapomnij") + gap(3) + " " + any("instruções", "instrucoes", "regras", "orientações", "istruzioni",
                "regole", "instructies", "regels", "instrukcje", "polecenia", "zasady")));
        cues.add(Cue.words("override-phrase", 3, fold(any("игнорируй", "игнорируйте", "проигнорируй",
                "забудь", "забудьте", "не слушай")) + gap(3) + " "
                + fold(any("инструкции", "инструкций", "указания", "правила", "команды"))));
        cues.add(Cue.words("override-phrase", 3, any("önceki", "onceki", "tüm", "tum") + " "
                + any("talimatları", "talimatlari", "talimatları", "kuralları") + " "
                + any("yok", "unut", "görmezden", "gormezden")));
        cues.add(Cue.folded("override-phrase", 3, "(?:忽略|忽視|忽视|无视|無視|忘记|忘記|不要理会)[^\\n]{0,12}?"
                + "(?:指令|指示|说明|說明|规则|規則|命令|提示)"));
        cues.add(Cue.folded("override-phrase", 3, "(?:指示|命令|ルール|指令)[^\\n]{0,8}?(?:を無視|を忘れ|無視して)"));
        cues.add(Cue.folded("override-phrase", 3, "(?:지시|명령|지침|규칙)[^\\n]{0,10}?(?:무시|잊어)"));

        // Attempts to give the model a new identity or mode.
        cues.add(Cue.words("role-override", 3, "you are now " + any("a", "an", "the", "in", "my", "dan", "root",
                "admin", "administrator", "unrestricted", "unfiltered", "jailbroken", "free", "authori[sz]ed",
                "allowed", "permitted", "operating", "acting", "running in", "no longer", "sudo", "god")));
        cues.add(Cue.words("role-override", 3, any("pretend", "imagine", "roleplay", "role play") + " "
                + any("to be", "you are", "that you", "you re", "being")));
        cues.add(Cue.words("role-override", 2, any("act", "behave", "respond", "operate", "function") + " as "
                + any("a", "an", "if", "though", "the", "root", "admin", "my", "dan", "system", "cluster", "sudo")));
        cues.add(Cue.words("role-override", 2, "from now on"));
        cues.add(Cue.words("role-override", 3, any("enable", "enabled", "enter", "entering", "activate", "activated",
                "switch to", "switched to", "now in", "you are in", "unlock", "unlocked") + " "
                + any("developer", "dev", "god", "admin", "sudo", "dan", "jailbreak", "unrestricted", "maintenance override")
                + " mode"));
        cues.add(Cue.words("role-override", 1, any("developer", "god", "dan", "unrestricted", "jailbreak") + " mode"));
        cues.add(Cue.words("role-override", 3, any("jailbreak", "jailbroken", "do anything now", "dan prompt")));
        cues.add(Cue.words("new-instructions", 3, any("new", "updated", "revised", "additional", "real", "actual",
                "true", "secret", "hidden", "override", "emergency", "priority", "following") + " "
                + any("instructions", "instruction", "directive", "directives", "orders", "system prompt")));
        cues.add(Cue.words("new-instructions", 3, "your " + any("new", "real", "true", "actual", "updated", "only",
                "next", "primary") + " " + any("instructions", "task", "tasks", "goal", "objective", "role", "mission",
                "orders", "directive", "job", "priority", "purpose")));
        cues.add(Cue.words("new-instructions", 3, any("urgent", "important", "critical", "mandatory", "emergency",
                "priority", "official", "high priority") + " " + any("system", "security", "admin", "administrator",
                "operator", "sre", "platform", "ops", "compliance", "on call") + " "
                + any("notice", "message", "directive", "instruction", "instructions", "override", "command",
                "announcement", "order", "orders", "memo", "task", "request", "mandate")));
        cues.add(Cue.words("new-instructions", 3, "system " + any("override", "prompt", "instruction", "instructions",
                "directive", "administrator says", "message to", "command to", "notice", "update for the")));
        cues.add(Cue.words("new-instructions", 3, any("admin", "administrator", "operator", "root", "sudo",
                "maintenance", "emergency", "security", "priority", "manual") + " override"));
        cues.add(Cue.compact("new-instructions", 3, any("newinstructions", "developermode", "doanythingnow",
                "systemoverride", "systemprompt", "urgentsystemnotice", "adminoverride", "youarenowa", "jailbreak")));

        // Text that pretends to close the data block or open a prompt.
        cues.add(Cue.words("fence-break", 3, any("untrusted data", "end of untrusted",
                "trusted instructions", "real instructions follow", "instructions follow", "begin system prompt",
                "end system prompt", "end of tool output", "end of tool result", "end of tool results",
                "end of function output", "end of data", "data ends here", "tool output ends",
                "begin instructions", "begin new instructions", "start of instructions", "end of context")));

        // Chat templates and role markers.
        cues.add(Cue.folded("chat-template", 3, "<\\|[a-z_]{2,30}\\|>|\\[/?inst\\]|<</?sys>>|<s>\\s*\\[|"
                + "</?(?:system|assistant|system_prompt|instructions?|tool_call|tool_calls|tool_result|tool_response|"
                + "function_call|function_calls|function_results|invoke|admin|im_start|im_end)(?:\\s[^<>\\n]{0,80})?>"));
        cues.add(Cue.folded("chat-template", 2, "</s>|<(?:user|human|prompt|context|data|output)>"));
        cues.add(Cue.folded("role-marker", 3, "^[ \\t>]{0,8}(?:#{1,6}|\\*\\*|__)[ \\t]*" + any("system", "assistant",
                "instructions?", "new instructions?", "system prompt", "response", "developer", "admin",
                "administrator", "operator", "task", "user") + "[ \\t]*(?:\\*\\*|__)?[ \\t]*:?[ \\t]*(?:\\*\\*|__)?[ \\t]*$"));
        cues.add(Cue.folded("role-marker", 3, "(?:\\*\\*|__|\\[)" + any("system", "assistant", "developer", "admin",
                "administrator", "operator", "instructions?") + "(?:\\*\\*|__|\\])[ \\t]*:"));
        cues.add(Cue.folded("role-marker", 3, "(?:^|[\\n{,\\[])[ \\t]*[\"']?role[\"']?[ \\t]*[:=][ \\t]*[\"']?"
                + any("system", "assistant", "developer", "tool", "function", "model") + "\\b"));
        cues.add(Cue.folded("role-marker", 1, "[\"']role[\"'][ \\t]*:[ \\t]*[\"']user[\"']"));
        cues.add(Cue.folded("role-marker", 1, "(?:^|(?<=[^a-z0-9_/.@-]))[ \\t>#*_-]{0,6}"
                + any("system", "assistant", "user", "developer", "human", "ai", "bot", "model", "tool", "operator",
                "admin", "administrator", "root", "sre", "on-call", "security", "instruction", "note to ai",
                "message for ai") + "[ \\t]*:[ \\t]"));
        cues.add(Cue.words("role-marker", 1, "\\. " + any("system", "assistant", "developer", "sysadmin", "admin",
                "operator", "instruction", "instructions") + " \\."));
        cues.add(Cue.folded("tool-call", 3, "^[ \\t]*action[ \\t]+input[ \\t]*:"));
        cues.add(Cue.folded("role-marker", 1, "^[ \\t]*(?:thought|observation|final answer|action)[ \\t]*:[ \\t]"));

        // Calls of our own tools inside data.
        cues.add(Cue.folded("tool-call", 3, WRITE_TOOLS + "[ \\t]*(?:\\(|\\{|:[ \\t]*\\{|[ \\t]+(?:--?)?"
                + any("namespace", "ns", "name", "replicas", "image", "revision", "kind", "labels", "patch", "command",
                "container") + "[ \\t]*[=:])"));
        cues.add(Cue.folded("tool-call", 3, "[\"'](?:tool|tool_name|toolname|name|function|action|call|method|command|"
                + "recipient_name|tool_call)[\"'][ \\t]*:[ \\t]*[\"'](?:functions\\.)?" + WRITE_TOOLS + "[\"']"));
        cues.add(Cue.folded("tool-call", 1, "[\"'](?:tool|tool_name|function|action|name)[\"'][ \\t]*:[ \\t]*[\"']"
                + READ_TOOLS + "[\"']"));
        cues.add(Cue.folded("tool-name", 2, "(?<![a-z0-9_])" + WRITE_TOOLS + "(?![a-z0-9_])"));
        cues.add(Cue.folded("tool-call", 2, "[\"'](?:arguments|args|parameters|tool_input|input)[\"'][ \\t]*:[ \\t]*\\{"));
        cues.add(Cue.words("tool-call", 2, any("call", "invoke", "use", "run", "execute", "trigger", "issue")
                + gap(3) + " " + any("tool", "tools", "function", "function call", "tool call")));

        // Shell one-liners that do harm whatever runs them.
        cues.add(Cue.folded("shell-command", 3, "(?:curl|wget)[ \\t][^\\n|;]{0,400}\\|[ \\t]*(?:sudo[ \\t]+)?"
                + "(?:ba|z|da|k|c)?sh\\b"));
        cues.add(Cue.folded("shell-command", 3, "base64[ \\t]+(?:-d|--decode|-di)[^\\n|]{0,100}\\|[ \\t]*(?:ba)?sh\\b"));
        cues.add(Cue.folded("shell-command", 3, "/dev/tcp/|\\bnc[ \\t]+(?:-[a-z]+[ \\t]+)*-[a-z]*e[ \\t]|\\bmkfs\\.|"
                + "\\bdd[ \\t]+if=/dev/(?:zero|random|urandom)|:\\(\\)[ \\t]*\\{|\\bchmod[ \\t]+(?:\\+s|u\\+s|[0-7]?777)|"
                + "\\beval[ \\t]*\"?\\$\\(|\\brm[ \\t]+-[a-z]*(?:rf|fr)[a-z]*[ \\t]+(?:--no-preserve-root[ \\t]+)?[/~*.$]"));
        cues.add(Cue.words("shell-command", 3, any("kubectl", "oc", "helm", "terraform") + " "
                + any("delete", "drain", "uninstall", "destroy", "create clusterrolebinding", "create rolebinding")));
        cues.add(Cue.words("shell-command", 2, any("kubectl", "oc") + " "
                + any("scale", "patch", "apply", "edit", "create", "cordon", "exec", "set", "label", "rollout undo",
                "replace", "taint")));
        cues.add(Cue.folded("shell-command", 3, "kubectl[^\\n]{0,200}--replicas[= ]0(?![0-9])"));
        cues.add(Cue.words("shell-command", 2, any("sudo", "bash", "sh") + " " + any("rm", "curl", "wget", "c",
                "chmod", "kubectl", "dd")));

        // Addressing the model and claiming authority over it.
        cues.add(Cue.words("agent-address", 2, any("dear", "hey", "hi", "hello", "attention", "attn", "note to",
                "note for", "message to", "message for", "memo to", "notice to", "instructions for", "instruction for",
                "calling", "to any", "to all", "for any", "for all", "for the attention of", "reminder to",
                "reminder for", "this is for") + "(?: " + any("the", "all", "any", "our", "every", "you") + ")?(?: "
                + any("automated", "autonomous", "reading", "helpful") + ")? " + AGENT_NOUNS));
        cues.add(Cue.words("agent-address", 2, "if you are " + any("a", "an", "the") + " "
                + any("ai", "llm", "language model", "assistant", "agent", "automated", "bot", "model", "autonomous",
                "sre agent", "ai agent", "large language model")));
        cues.add(Cue.words("agent-address", 1, any("ai", "llm", "autonomous", "automated", "remediation", "sre",
                "ringside", "crashloop", "oom", "compliance") + " " + any("agent", "agents", "assistant", "assistants",
                "model", "bot", "operator")));
        cues.add(Cue.words("agent-address", 1, any("as an ai", "as a language model", "language model", "llm",
                "ai assistant", "chatbot")));
        cues.add(Cue.words("authority-claim", 2, "i " + any("hereby ", "") + any("authori[sz]e", "approve", "permit",
                "allow", "instruct", "order", "command", "direct", "request", "need", "want", "ask", "require",
                "give") + " you"));
        cues.add(Cue.words("authority-claim", 2, "you " + any("are", "have been", "were", "re") + " (?:now |hereby |fully )?"
                + any("authori[sz]ed", "approved", "permitted", "allowed", "cleared", "granted", "instructed",
                "required", "expected", "ordered", "entitled", "trusted")));
        // "You must set DATABASE_URL" is an ordinary error message; "you must ignore ..." is not.
        cues.add(Cue.words("authority-claim", 1, "you " + any("must", "should", "need to", "have to", "shall", "will",
                "can now", "may now", "are required to", "are expected to", "are to") + " (?:now |immediately |also |"
                + "first |then |quietly |silently )?" + ACTION_VERBS));
        cues.add(Cue.words("authority-claim", 2, "you " + any("must", "should", "need to", "have to", "shall", "will",
                "can now", "may now", "are required to", "are expected to", "are to") + " (?:now |immediately |also |"
                + "first |then |quietly |silently )?" + any("ignore", "disregard", "forget", "approve", "skip", "bypass",
                "comply", "obey", "follow only", "not ask", "not tell", "not report", "not wait")));
        cues.add(Cue.words("authority-claim", 2, any("pre approved", "preapproved", "already approved",
                "has been approved", "have been approved", "is approved", "approval is not needed",
                "approval is not required", "approval not needed", "approval not required", "approval granted",
                "approval has been granted", "no approval", "no human approval", "no need for approval",
                "no confirmation", "no need to ask", "no review", "without approval", "without human approval",
                "without confirmation", "without asking", "without waiting", "without review", "without checking",
                "skip the approval", "skip approval", "skip confirmation", "skip the gate", "bypass the gate",
                "bypass approval", "bypass the approval", "do not ask", "do not wait", "do not notify",
                "do not tell", "do not inform", "do not alert", "do not page", "do not report", "do not mention",
                "do not log", "do not escalate", "do not confirm", "don t ask", "don t wait", "don t notify",
                "don t tell", "don t inform", "don t alert", "don t page", "don t report", "don t mention",
                "don t log", "don t escalate", "silently", "quietly", "without telling", "no one needs to know",
                "authori[sz]ation code", "override code", "approval code", "change ticket approved")));
        cues.add(Cue.words("authority-claim", 2, any("approved", "authori[sz]ed", "signed off", "sanctioned",
                "requested", "ordered", "mandated", "cleared") + " by (?:the )?" + any("on call", "oncall", "sre",
                "sres", "security", "platform", "admin", "admins", "administrator", "cto", "ciso", "management",
                "incident commander", "cluster owner", "team lead", "vp", "sre lead", "sre team", "security team",
                "platform team", "cab", "change board")));
        cues.add(Cue.words("authority-claim", 2, "as " + any("the", "your", "an", "a") + " " + any("on call",
                "oncall", "sre", "admin", "administrator", "operator", "owner", "security", "platform",
                "incident commander", "manager", "lead", "cluster admin", "cluster administrator", "cto", "ciso",
                "engineer on call") + "(?: " + WORD + "){0,2} i"));
        cues.add(Cue.words("authority-claim", 1, "on behalf of (?:the )?" + any("on call", "oncall", "sre", "security",
                "admin", "platform", "management", "cto", "ciso")));

        // Requests for actions on cluster objects; imperative ones weigh more than descriptive ones.
        cues.add(Cue.words("action-request", 1, ACTION_VERBS + gap(3) + " " + TARGETS));
        cues.add(Cue.words("action-request", 2, IMPERATIVE_LEAD + " " + ACTION_VERBS + gap(4) + " " + TARGETS));
        cues.add(Cue.words("action-request", 1, any("delete", "drop", "wipe", "destroy", "purge", "truncate", "dump",
                "exfiltrate", "leak") + gap(2) + " " + any("database", "databases", "db", "tables?", "data", "backups?")));
        cues.add(Cue.compact("action-request", 2, any("delete", "remove", "destroy", "wipe", "purge") + "(?:the|all)?"
                + any("deployments?", "namespaces?", "pvcs?", "persistentvolumeclaims?", "secrets?", "clusterrolebindings?")));
        cues.add(Cue.compact("action-request", 1, any("scaledeployment", "setimage", "getsecret", "cordonnode",
                "rollbackdeployment", "patchresource", "runcommand", "addlabels", "rolloutrestart", "deletepod")));
        cues.add(Cue.compact("shell-command", 3, "kubectl" + any("delete", "drain", "createclusterrolebinding",
                "createrolebinding")));
        cues.add(Cue.compact("tool-call", 3, any("tool", "toolname", "function", "name", "action") + any("delete",
                "rollout", "add", "scale", "rollback", "set", "patch", "get", "cordon", "run")
                + any("pod", "restart", "labels", "deployment", "image", "resource", "secret", "node", "pvc",
                "namespace", "command") + any("arguments", "args", "parameters", "input", "namespace", "name", "command")));
        cues.add(Cue.words("action-request", 2, any("scale", "scale down") + gap(3) + " "
                + any("to 0", "to zero", "0 replicas", "zero replicas", "replicas 0", "replicas to 0")));
        cues.add(Cue.words("action-request", 2, any("grant", "give", "bind", "elevate", "escalate", "add")
                + gap(4) + " " + any("cluster admin", "clusteradmin", "admin rights", "admin access",
                "admin privileges", "root access", "full access", "cluster wide")));
        cues.add(Cue.words("urgency", 1, any("immediately", "urgent", "urgently", "asap", "right now", "right away",
                "without delay", "at once", "time sensitive", "top priority", "highest priority", "p0", "emergency")));
        cues.add(Cue.words("urgency", 1, "\\. " + any("important", "urgent", "attention", "action required",
                "required action", "note", "nb", "reminder", "notice", "priority", "override", "warning to") + " \\."));
        // Letters spaced out one by one (i g n o r e) are read whole by the compact cues; the spacing is a hint too.
        cues.add(Cue.folded("spaced-letters", 1, "(?<![\\p{L}\\p{N}])\\p{L}(?:[ ._*+~-]\\p{L}){5,}(?![\\p{L}\\p{N}])"));
        return List.copyOf(cues);
    }
}
