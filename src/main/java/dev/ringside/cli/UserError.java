package dev.ringside.cli;

/** A problem with what the user gave us (a missing file, bad input); printed as one line, exit 2. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
