package dev.ringside.policy.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a command text matches a never_allow rule, reading through the disguises an
 * injected instruction would use: look-alike letters, invisible characters, quoting, wrappers such
 * as {@code sudo} or {@code sh -c}, aliases of Kubernetes resources, SQL comments, base64.
 *
 * <p>Immutable and safe to share between threads. The text is normalised and tokenised once per
 * call, whatever the number of rules; matching compares precomputed strings and never backtracks.
 */
public final class CommandScanner {

    private record CompiledRule(CommandRule rule, CommandPattern pattern) {
    }

    private final List<CompiledRule> rules;

    private CommandScanner(List<CompiledRule> rules) {
        this.rules = rules;
    }

    /** Precompiles {@code rules}; their order is the order {@link #firstMatch} reports them in. */
    public static CommandScanner compile(List<CommandRule> rules) {
        List<CompiledRule> compiled = new ArrayList<>(rules.size());
        for (CommandRule rule : rules) {
            Objects.requireNonNull(rule, "never_allow rule");
            compiled.add(new CompiledRule(rule, CommandPattern.parse(rule.dialect(), rule.pattern())));
        }
        return new CommandScanner(List.copyOf(compiled));
    }

    /** The first rule, in list order, that {@code text} or a base64 payload inside it matches. */
    public Optional<CommandRule> firstMatch(String text) {
        Objects.requireNonNull(text, "command text");
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        String normalized = TextNormalizer.normalize(text);
        boolean oneToken = isSingleToken(normalized);
        List<String> payloads = text.length() >= EncodedPayloads.MIN_LENGTH ? EncodedPayloads.decode(text) : List.of();
        if (oneToken && payloads.isEmpty()) {
            // Names like "checkout" are scanned constantly; a command needs at least two tokens.
            return Optional.empty();
        }
        List<ScannedText> readings = new ArrayList<>(1 + payloads.size());
        if (!oneToken) {
            readings.add(new ScannedText(normalized));
        }
        for (String payload : payloads) {
            readings.add(new ScannedText(TextNormalizer.normalize(payload)));
        }
        for (CompiledRule rule : rules) {
            for (ScannedText reading : readings) {
                if (rule.pattern().matches(reading)) {
                    return Optional.of(rule.rule());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * True when nothing in the text could separate two tokens for either tokenizer: no space or
     * line break, no shell operator, quote or bracket, no block comment. Such text is one word.
     */
    static boolean isSingleToken(String normalized) {
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c <= ' ' || ";&|()`${}<>,'\"[]".indexOf(c) >= 0) {
                return false;
            }
            if (c == '/' && i + 1 < normalized.length() && normalized.charAt(i + 1) == '*') {
                return false;
            }
        }
        return true;
    }
}
