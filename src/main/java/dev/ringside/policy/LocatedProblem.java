package dev.ringside.policy;

/** One thing wrong with a YAML file (a policy, the configuration), located so an editor can jump to it. */
public record LocatedProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }
}
