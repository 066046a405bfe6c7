package dev.ringside.gate;

import dev.ringside.policy.Policy;
import dev.ringside.policy.PolicyException;
import dev.ringside.policy.PolicyLoader;
import java.nio.file.Path;

/**
 * The policy the gate enforces right now, or the reason there is none. A failed load replaces the
 * old policy with "broken" rather than keeping it: the engineer asked for a new policy, and acting
 * on a policy nobody meant is worse than stopping (fail closed, loudly).
 */
public final class ActivePolicy {

    public sealed interface State permits Loaded, Broken {
    }

    public record Loaded(Policy policy) implements State {
    }

    public record Broken(String reason) implements State {
    }

    private volatile State state;

    private ActivePolicy(State state) {
        this.state = state;
    }

    public static ActivePolicy of(Policy policy) {
        return new ActivePolicy(new Loaded(policy));
    }

    public static ActivePolicy broken(String reason) {
        return new ActivePolicy(new Broken(reason));
    }

    /** Loads a file, or the built-in default when {@code file} is null; never throws. */
    public static ActivePolicy load(Path file) {
        ActivePolicy active = new ActivePolicy(new Broken("not loaded yet"));
        active.reload(file);
        return active;
    }

    public State state() {
        return state;
    }

    public void reload(Path file) {
        try {
            state = new Loaded(file == null ? PolicyLoader.loadDefault() : PolicyLoader.load(file));
        } catch (PolicyException e) {
            state = new Broken(e.getMessage());
        }
    }

    public void replace(Policy policy) {
        state = new Loaded(policy);
    }
}
