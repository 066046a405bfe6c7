package dev.ringside.policy;

/** One thing wrong with a policy file, located so an editor can jump to it. */
public record PolicyProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }
}
