package dev.ringside.journal;

/** Something is wrong with the journal file or its writer. Messages say what and what to do. */
public class JournalException extends RuntimeException {

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
