package dev.ringside.journal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The Ed25519 key pair that signs checkpoints, kept in the checkpoint directory: the private key
 * readable by its owner only (where the file system has POSIX permissions), the public key beside
 * it for verifiers. Created on first use.
 */
final class CheckpointKeys {

    static final String PRIVATE_KEY_FILE = "checkpoint-signing.key";
    static final String PUBLIC_KEY_FILE = "checkpoint-signing.pub";
    private static final String ALGORITHM = "Ed25519";

    private CheckpointKeys() {
    }

    /** The private key in {@code dir}, creating the pair if the directory has none. */
    static PrivateKey loadOrCreatePrivate(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        try {
            if (!Files.exists(privateFile) && !Files.exists(publicFile)) {
                create(privateFile, publicFile);
            }
            if (!Files.exists(privateFile)) {
                throw new JournalException("checkpoint signing key " + privateFile + " is missing while its public key "
                        + publicFile + " exists; restore the key file, or move the checkpoint directory aside"
                        + " and start a new journal file");
            }
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
        } catch (IOException | GeneralSecurityException e) {
            throw new JournalException("cannot read or create the checkpoint signing key in " + dir + ": " + e, e);
        }
    }

    /** The public key in {@code dir}, or null when there is none. */
    static PublicKey loadPublic(Path dir) throws IOException, GeneralSecurityException {
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        if (!Files.exists(publicFile)) {
            return null;
        }
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile)));
    }

    static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new JournalException("cannot sign checkpoint: " + e, e);
        }
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is simply not a valid one
        }
    }

    private static void create(Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // Created with owner-only permissions, so the key is never readable by others, even briefly.
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(privateFile, pair.getPrivate().getEncoded(), StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.write(privateFile, pair.getPrivate().getEncoded(), StandardOpenOption.CREATE_NEW);
        }
        Files.write(publicFile, pair.getPublic().getEncoded(), StandardOpenOption.CREATE_NEW);
    }
}
