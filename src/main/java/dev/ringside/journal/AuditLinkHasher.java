package dev.ringside.journal;

import java.security.DigestException;
import java.security.MessageDigest;

/**
 * Computes link hashes: {@code SHA-256(prev_hash ‖ canonical entry)} where the canonical entry is
 * the canonical JSON object
 * {@code {"agent":…,"at":<epoch µs>,"event":<trace id>,"payload":<payload>,"run":…,"seq":…,"type":…}}
 * covering every stored column except the hashes themselves. The payload is embedded as stored
 * (the journal only ever stores canonical payloads).
 *
 * <p>Works on UTF-8 bytes straight from the database and reuses its buffers, so the verifier can
 * check millions of links per second. One instance per thread.
 */
final class AuditLinkHasher {

    /** prev_hash of the first link. */
    static final byte[] GENESIS = new byte[32];
    static final int HASH_LENGTH = 32;

    private static final byte[] AGENT = ascii("{\"agent\":");
    private static final byte[] AT = ascii(",\"at\":");
    private static final byte[] EVENT = ascii(",\"event\":");
    private static final byte[] PAYLOAD = ascii(",\"payload\":");
    private static final byte[] RUN = ascii(",\"run\":");
    private static final byte[] SEQ = ascii(",\"seq\":");
    private static final byte[] TYPE = ascii(",\"type\":");
    private static final byte[] HEX = ascii("0123456789abcdef");

    private final MessageDigest sha = CanonicalJson.newSha256();
    private byte[] buf = new byte[1024];
    private int len;

    /** Writes the link hash into {@code out[0..32)}. Text arguments are UTF-8. */
    void hash(byte[] prevHash, long seq, long atMicros, byte[] run, byte[] agent, byte[] type, long eventId,
              byte[] payload, byte[] out) {
        len = 0;
        put(AGENT);
        quoted(agent);
        put(AT);
        number(atMicros);
        put(EVENT);
        number(eventId);
        put(PAYLOAD);
        put(payload);
        put(RUN);
        quoted(run);
        put(SEQ);
        number(seq);
        put(TYPE);
        quoted(type);
        ensure(1);
        buf[len++] = '}';
        sha.update(prevHash);
        sha.update(buf, 0, len);
        try {
            sha.digest(out, 0, HASH_LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("hash output buffer too small", e);
        }
    }

    byte[] hash(byte[] prevHash, long seq, long atMicros, byte[] run, byte[] agent, byte[] type, long eventId,
                byte[] payload) {
        byte[] out = new byte[HASH_LENGTH];
        hash(prevHash, seq, atMicros, run, agent, type, eventId, payload, out);
        return out;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
    }

    /** Same escaping as {@link CanonicalJson#appendString}, on UTF-8 bytes (multi-byte sequences pass through). */
    private void quoted(byte[] utf8) {
        ensure(utf8.length * 6 + 2);
        buf[len++] = '"';
        for (byte b : utf8) {
            switch (b) {
                case '"' -> { buf[len++] = '\\'; buf[len++] = '"'; }
                case '\\' -> { buf[len++] = '\\'; buf[len++] = '\\'; }
                case '\b' -> { buf[len++] = '\\'; buf[len++] = 'b'; }
                case '\t' -> { buf[len++] = '\\'; buf[len++] = 't'; }
                case '\n' -> { buf[len++] = '\\'; buf[len++] = 'n'; }
                case '\f' -> { buf[len++] = '\\'; buf[len++] = 'f'; }
                case '\r' -> { buf[len++] = '\\'; buf[len++] = 'r'; }
                default -> {
                    if (b >= 0 && b < 0x20) {
                        buf[len++] = '\\';
                        buf[len++] = 'u';
                        buf[len++] = '0';
                        buf[len++] = '0';
                        buf[len++] = HEX[b >> 4];
                        buf[len++] = HEX[b & 0xF];
                    } else {
                        buf[len++] = b;
                    }
                }
            }
        }
        buf[len++] = '"';
    }

    private void number(long value) {
        ensure(20);
        if (value == 0) {
            buf[len++] = '0';
            return;
        }
        if (value < 0) {
            // Times and ids are never negative; fall back to the slow path rather than handle Long.MIN_VALUE by hand.
            put(ascii(Long.toString(value)));
            return;
        }
        int start = len;
        while (value > 0) {
            buf[len++] = (byte) ('0' + value % 10);
            value /= 10;
        }
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
