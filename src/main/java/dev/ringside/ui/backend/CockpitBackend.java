package dev.ringside.ui.backend;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the cockpit needs from a Ringside runtime, and nothing more. The in-process
 * {@link EngineBackend} satisfies it today; a remote runtime (agents as Deployments, approvals and
 * the kill switch as custom resources) can satisfy it later without touching a view or view model.
 * Methods may be called on the FX thread, so implementations answer from memory and never block
 * on the network; the live stream is the only push channel.
 */
public interface CockpitBackend extends AutoCloseable {

    AgentBoard agents();

    ApprovalDesk approvals();

    KillControl killSwitch();

    StatusSource status();

    LiveEvents events();

    /** The live journal's file, when this cockpit can read it locally: where replay starts. */
    Optional<Path> journalFile();

    @Override
    void close();
}
