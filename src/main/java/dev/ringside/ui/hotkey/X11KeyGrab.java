package dev.ringside.ui.hotkey;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl+Shift+K grabbed on the X11 root window through libX11 (Java's foreign function API; no
 * native library of our own). The grab uses its own X connection and thread, is made for every
 * combination of Caps Lock and Num Lock, and reports failure (another application holds the keys,
 * no libX11, no display) instead of throwing.
 */
final class X11KeyGrab implements AutoCloseable {
    private static final long XK_K = 0x006b;
    private static final int SHIFT_MASK = 1;
    private static final int LOCK_MASK = 2;
    private static final int CONTROL_MASK = 4;
    private static final int MOD2_MASK = 16;
    private static final int[] LOCK_VARIANTS = {0, LOCK_MASK, MOD2_MASK, LOCK_MASK | MOD2_MASK};
    private static final int GRAB_MODE_ASYNC = 1;
    private static final int KEY_PRESS = 2;
    private static final int BAD_ACCESS = 10;
    private static final int X_EVENT_BYTES = 192;
    private static final long POLL_MILLIS = 10;

    private static volatile boolean grabRefused;

    private final X11 x;
    private final MemorySegment display;
    private final long root;
    private final int keycode;
    private final Runnable onPress;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    private X11KeyGrab(X11 x, MemorySegment display, long root, int keycode, Runnable onPress) {
        this.x = x;
        this.display = display;
        this.root = root;
        this.keycode = keycode;
        this.onPress = onPress;
        this.thread = Thread.ofPlatform().daemon().name("kill-hotkey").start(this::listen);
    }

    static GlobalHotkey.Registration grab(String displayName, Runnable onPress, String note) {
        X11 x;
        try {
            x = X11.load();
        } catch (RuntimeException | Error e) {
            return GlobalHotkey.inactive("No system-wide hotkey: libX11 could not be loaded (" + e.getMessage() + ").");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment display = (MemorySegment) x.openDisplay.invokeExact(arena.allocateFrom(displayName));
            if (display.equals(MemorySegment.NULL)) {
                return GlobalHotkey.inactive("No system-wide hotkey: cannot open X display " + displayName + ".");
            }
            long root = (long) x.defaultRootWindow.invokeExact(display);
            int keycode = Byte.toUnsignedInt((byte) x.keysymToKeycode.invokeExact(display, XK_K));
            if (keycode == 0 || !grabAll(x, display, root, keycode)) {
                int closed = (int) x.closeDisplay.invokeExact(display);
                return GlobalHotkey.inactive("No system-wide hotkey: another application already holds Ctrl+Shift+K on " + displayName + ".");
            }
            X11KeyGrab grab = new X11KeyGrab(x, display, root, keycode, onPress);
            return new GlobalHotkey.Registration(true, "System-wide hotkey Ctrl+Shift+K is active on X display " + displayName + note
                    + ": it kills from any window.", grab);
        } catch (Throwable t) {
            return GlobalHotkey.inactive("No system-wide hotkey: the X11 grab failed (" + t + ").");
        }
    }

    /** Grabs every lock variant; X reports a refused grab asynchronously, so a temporary error handler listens until XSync. */
    private static boolean grabAll(X11 x, MemorySegment display, long root, int keycode) throws Throwable {
        synchronized (X11KeyGrab.class) {
            grabRefused = false;
            MemorySegment previous = (MemorySegment) x.setErrorHandler.invokeExact(x.errorHandler);
            try {
                for (int locks : LOCK_VARIANTS) {
                    int ignored = (int) x.grabKey.invokeExact(display, keycode, CONTROL_MASK | SHIFT_MASK | locks, root, 1,
                            GRAB_MODE_ASYNC, GRAB_MODE_ASYNC);
                }
                int synced = (int) x.sync.invokeExact(display, 0);
            } finally {
                MemorySegment ours = (MemorySegment) x.setErrorHandler.invokeExact(previous);
            }
            return !grabRefused;
        }
    }

    /** Called by libX11 for an X error on any connection while the grab is being made: remembers a refusal, never exits. */
    @SuppressWarnings("unused")
    private static int onXError(MemorySegment display, MemorySegment event) {
        int errorCode = Byte.toUnsignedInt(event.reinterpret(X_EVENT_BYTES).get(JAVA_BYTE, 32));
        if (errorCode == BAD_ACCESS) grabRefused = true;
        return 0;
    }

    private void listen() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment event = arena.allocate(X_EVENT_BYTES);
            while (running.get()) {
                int pending = (int) x.pending.invokeExact(display);
                if (pending == 0) {
                    Thread.sleep(POLL_MILLIS);
                    continue;
                }
                int read = (int) x.nextEvent.invokeExact(display, event);
                if (event.get(JAVA_INT, 0) == KEY_PRESS) onPress.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            running.set(false);
        }
    }

    /** Releases the keys and the X connection. */
    @Override
    public void close() throws Exception {
        if (!running.getAndSet(false)) return;
        // Xlib calls on one connection must not overlap, so the listener must be gone first; it
        // notices within one poll, and the bound only matters on a machine too busy to schedule it.
        thread.join(10_000);
        if (thread.isAlive()) throw new IllegalStateException("the hotkey listener did not stop; the X11 keys stay grabbed");
        try {
            for (int locks : LOCK_VARIANTS) {
                int ignored = (int) x.ungrabKey.invokeExact(display, keycode, CONTROL_MASK | SHIFT_MASK | locks, root);
            }
            int closed = (int) x.closeDisplay.invokeExact(display);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot release the X11 hotkey: " + t, t);
        }
    }

    /** The few libX11 functions used, bound once. */
    private record X11(MethodHandle openDisplay, MethodHandle defaultRootWindow, MethodHandle keysymToKeycode, MethodHandle grabKey,
                       MethodHandle ungrabKey, MethodHandle sync, MethodHandle setErrorHandler, MethodHandle pending,
                       MethodHandle nextEvent, MethodHandle closeDisplay, MemorySegment errorHandler) {
        private static volatile X11 loaded;

        static synchronized X11 load() {
            if (loaded != null) return loaded;
            Linker linker = Linker.nativeLinker();
            SymbolLookup lib = SymbolLookup.libraryLookup("libX11.so.6", Arena.global());
            MemorySegment handler;
            try {
                MethodHandle target = MethodHandles.lookup().findStatic(X11KeyGrab.class, "onXError",
                        MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
                handler = linker.upcallStub(target, FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), Arena.global());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the X error handler cannot be bound", e);
            }
            loaded = new X11(
                    bind(linker, lib, "XOpenDisplay", FunctionDescriptor.of(ADDRESS, ADDRESS)),
                    bind(linker, lib, "XDefaultRootWindow", FunctionDescriptor.of(JAVA_LONG, ADDRESS)),
                    bind(linker, lib, "XKeysymToKeycode", FunctionDescriptor.of(JAVA_BYTE, ADDRESS, JAVA_LONG)),
                    bind(linker, lib, "XGrabKey", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT)),
                    bind(linker, lib, "XUngrabKey", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_LONG)),
                    bind(linker, lib, "XSync", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT)),
                    bind(linker, lib, "XSetErrorHandler", FunctionDescriptor.of(ADDRESS, ADDRESS)),
                    bind(linker, lib, "XPending", FunctionDescriptor.of(JAVA_INT, ADDRESS)),
                    bind(linker, lib, "XNextEvent", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)),
                    bind(linker, lib, "XCloseDisplay", FunctionDescriptor.of(JAVA_INT, ADDRESS)),
                    handler);
            return loaded;
        }

        private static MethodHandle bind(Linker linker, SymbolLookup lib, String name, FunctionDescriptor descriptor) {
            return linker.downcallHandle(lib.find(name).orElseThrow(() -> new IllegalStateException("libX11 has no " + name)), descriptor);
        }
    }
}
