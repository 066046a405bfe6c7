package dev.ringside.gate;

/** A person's approve/deny/edit could not be taken; the message says why and what to do. */
public final class ApprovalRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ApprovalRefused(String message) {
        super(message);
    }
}
