package dev.ringside.policy.command;

/** How a never_allow pattern reads the text it guards. */
public enum Dialect {
    /** Shell command lines: a program, ordered words after it, and required flags. */
    SHELL,
    /** SQL statements: keywords that must appear as consecutive tokens. */
    SQL
}
