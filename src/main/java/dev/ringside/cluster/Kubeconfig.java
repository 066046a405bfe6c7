package dev.ringside.cluster;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engineer's kubeconfig as kubectl finds it: the files {@code KUBECONFIG} lists (those that
 * exist, merged, the first file's current context winning), else {@code ~/.kube/config}.
 *
 * <p>fabric8 silently falls back to the current context when asked for one the files do not name;
 * {@link #clientConfig} refuses instead, so a typo never points Ringside at another cluster.
 */
public final class Kubeconfig {
    public static final String ENV = "KUBECONFIG";

    private final List<Path> files;
    private final List<io.fabric8.kubernetes.api.model.Config> parsed;

    private Kubeconfig(List<Path> files, List<io.fabric8.kubernetes.api.model.Config> parsed) {
        this.files = List.copyOf(files);
        this.parsed = List.copyOf(parsed);
    }

    /**
     * Reads the kubeconfig the environment names.
     *
     * @throws IllegalArgumentException when there is none, or a file cannot be read as a kubeconfig
     */
    public static Kubeconfig locate(Map<String, String> env, Path home) {
        String listed = env.get(ENV);
        List<Path> candidates = new ArrayList<>();
        if (listed != null && !listed.isBlank()) {
            for (String entry : listed.split(File.pathSeparator)) {
                if (!entry.isBlank()) candidates.add(Path.of(entry));
            }
        } else {
            candidates.add(home.resolve(".kube/config"));
        }
        List<Path> present = candidates.stream().filter(Files::isRegularFile).toList();
        if (present.isEmpty()) {
            throw new IllegalArgumentException(listed != null && !listed.isBlank()
                    ? "no kubeconfig: none of the files " + ENV + " lists exists (" + candidates + ")"
                    : "no kubeconfig at " + candidates.getFirst() + " and " + ENV + " is not set");
        }
        return read(present);
    }

    /** These files, in this order. */
    public static Kubeconfig read(List<Path> files) {
        List<io.fabric8.kubernetes.api.model.Config> parsed = new ArrayList<>();
        for (Path file : files) {
            try {
                parsed.add(KubeConfigUtils.parseConfig(file.toFile()));
            } catch (KubernetesClientException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read the kubeconfig " + file + ": " + firstLine(e.getMessage()));
            }
        }
        return new Kubeconfig(files, parsed);
    }

    public List<Path> files() {
        return files;
    }

    /** Every context the files name, in file order. */
    public List<String> contexts() {
        Set<String> names = new LinkedHashSet<>();
        for (var config : parsed) {
            if (config.getContexts() == null) continue;
            config.getContexts().stream().map(NamedContext::getName).forEach(names::add);
        }
        return List.copyOf(names);
    }

    /** The current context, as the first file that sets one says. */
    public Optional<String> currentContext() {
        return parsed.stream().map(io.fabric8.kubernetes.api.model.Config::getCurrentContext)
                .filter(c -> c != null && !c.isBlank()).findFirst();
    }

    /**
     * The client settings of {@code context}: server, trust and the engineer's credentials.
     *
     * @throws IllegalArgumentException when the files do not name that context
     */
    public Config clientConfig(String context) {
        if (!contexts().contains(context)) {
            throw new IllegalArgumentException("no context '" + context + "' in " + files + "; contexts there: " + contexts());
        }
        Config config = Config.empty();
        // The same merge fabric8's own auto-configuration applies to KUBECONFIG's files.
        KubeConfigUtils.merge(config, context, parsed.toArray(io.fabric8.kubernetes.api.model.Config[]::new));
        return config;
    }

    private static String firstLine(String message) {
        if (message == null) return "not a kubeconfig";
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
