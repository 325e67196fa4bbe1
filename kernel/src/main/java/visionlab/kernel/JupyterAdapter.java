package visionlab.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;
import org.dflib.jjava.jupyter.messages.reply.CompleteReply;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.InspectReply;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.IsCompleteReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.reply.ShutdownReply;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.InspectRequest;
import org.dflib.jjava.jupyter.messages.request.IsCompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The one class that talks to the protocol library (org.dflib.jjava:jjava-jupyter, an alpha): it uses its
 * message classes, JSON/HMAC wire format and connection file parsing, but runs its own socket threads. Each
 * channel thread blocks in a ZMQ poll (no sleep between polls, so a reply leaves as soon as it is ready),
 * execution runs on the shell thread while the control thread stays free for interrupt and shutdown, and a
 * message with a bad HMAC signature is dropped instead of ending the channel. IOPub is an XPUB socket that
 * greets each new subscriber with the kernel's status (see {@link #greet}).
 */
final class JupyterAdapter {

    private static final long POLL_MS = 250;
    /** How often the greeter looks for new IOPub subscribers: often while clients connect at start, then less. */
    static final long GREET_POLL_MS = 10;
    static final long GREET_POLL_LATER_MS = 100;
    static final long GREET_FAST_FOR_MS = 30_000;

    private final Session session;
    private final PrintStream log;
    private final ZMQ.Context ctx = ZMQ.context(1);
    private final Channel shell;
    private final Channel control;
    private final Channel stdin;
    private final Channel iopub;
    private final ZMQ.Socket heartbeat;
    private final AtomicInteger executionCount = new AtomicInteger();
    /** Requests being handled (shell and control): the status a new IOPub subscriber is greeted with. */
    private final AtomicInteger busy = new AtomicInteger();
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private volatile boolean running = true;
    private final List<Thread> threads = new ArrayList<>();

    /** A jjava socket bound by address (jjava's own channels add a polling sleep we do not want). */
    private static final class Channel extends JupyterSocket {
        Channel(ZMQ.Context ctx, SocketType type, HMACGenerator hmac, String name) {
            super(ctx, type, hmac, org.slf4j.LoggerFactory.getLogger(name));
        }

        @Override
        public void bind(KernelConnectionProperties props) {
            throw new UnsupportedOperationException("bound by address");
        }
    }

    /** kernel_info_reply with the {@code status} field the protocol's schema asks for. */
    private static final class InfoReply extends KernelInfoReply {
        @SuppressWarnings("unused")
        private final String status = "ok";

        InfoReply(LanguageInfo lang, String banner) {
            super(Header.PROTOCOL_VERISON, "visionlab", Main.VERSION, lang, banner, new ArrayList<>());
        }
    }

    /** execute_reply for a request skipped because an earlier cell failed ("Run All" stops at the error). */
    private static final class AbortedReply {
        @SuppressWarnings("unused")
        private final String status = "aborted";
    }

    private final Map<Channel, ZMQ.Poller> pollers = new java.util.concurrent.ConcurrentHashMap<>();

    /** Binds every channel of {@code connectionFile} and starts serving. */
    JupyterAdapter(Path connectionFile, Session session, PrintStream log) throws IOException {
        this.session = session;
        this.log = log;
        KernelConnectionProperties p = KernelConnectionProperties.parse(Files.readString(connectionFile));
        HMACGenerator hmac;
        try {
            hmac = p.createHMACGenerator();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("connection file: bad signature scheme or key: " + e.getMessage(), e);
        }
        String base = p.getTransport() + "://" + p.getIp() + ":";
        shell = new Channel(ctx, SocketType.ROUTER, hmac, "shell");
        control = new Channel(ctx, SocketType.ROUTER, hmac, "control");
        stdin = new Channel(ctx, SocketType.ROUTER, hmac, "stdin");
        iopub = new Channel(ctx, SocketType.XPUB, hmac, "iopub");
        iopub.setXpubVerbose(true); // every subscription reaches the greeter, also a second client's
        heartbeat = ctx.socket(SocketType.REP);
        shell.bind(base + p.getShellPort());
        control.bind(base + p.getControlPort());
        stdin.bind(base + p.getStdinPort());
        iopub.bind(base + p.getIopubPort());
        heartbeat.bind(base + p.getHbPort());
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        start("visionlab-shell", () -> serve(shell));
        start("visionlab-control", () -> serve(control));
        start("visionlab-heartbeat", this::beat);
        start("visionlab-iopub-greeter", this::greet);
    }

    /**
     * Publishes the kernel's status ("idle", or "busy" while a request is handled; no parent) whenever a client
     * subscribes to IOPub. A subscriber that connects after the kernel published a request's status (ZeroMQ's
     * "slow joiner") otherwise waits for traffic that may never come: jupyter_client's {@code wait_for_ready} and
     * Jupyter Server each send kernel_info again until an IOPub message arrives, which cost a start about 0.2 s.
     * The socket is shared with the publishing threads, so it is read without blocking and under its lock.
     */
    private void greet() {
        long started = System.nanoTime();
        while (running) {
            boolean subscribed = false;
            synchronized (iopub) {
                byte[] frame;
                while ((frame = iopub.recv(ZMQ.DONTWAIT)) != null) {
                    subscribed |= frame.length > 0 && frame[0] == 1;
                }
                if (subscribed) {
                    iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE,
                            busy.get() > 0 ? PublishStatus.BUSY : PublishStatus.IDLE));
                }
            }
            try {
                boolean early = System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(GREET_FAST_FOR_MS);
                Thread.sleep(early ? GREET_POLL_MS : GREET_POLL_LATER_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** Blocks until a shutdown request was answered. */
    void awaitShutdown() throws InterruptedException {
        shutdown.await();
    }

    private void beat() {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(heartbeat, ZMQ.Poller.POLLIN);
        while (running) {
            if (poller.poll(POLL_MS) > 0) {
                byte[] ping = heartbeat.recv(0);
                if (ping != null) {
                    heartbeat.send(ping, 0);
                }
            }
        }
    }

    private void serve(Channel channel) {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(channel, ZMQ.Poller.POLLIN);
        pollers.put(channel, poller);
        while (running) {
            if (poller.poll(POLL_MS) <= 0) {
                continue;
            }
            Message<?> m;
            try {
                m = channel.readMessage();
            } catch (SecurityException e) {
                log.println("visionlab kernel: dropped a message with a bad signature");
                continue;
            } catch (RuntimeException e) {
                log.println("visionlab kernel: dropped an unreadable message: " + e);
                continue;
            }
            if (m == null) {
                return;
            }
            try {
                handle(channel, m);
            } catch (RuntimeException e) {
                log.println("visionlab kernel: error handling " + m.getHeader().getType() + ": " + e);
                e.printStackTrace(log);
            }
        }
    }

    /** The messages already waiting on {@code channel} (read now, before the client can react to a reply). */
    private List<Message<?>> queued(Channel channel) {
        List<Message<?>> out = new ArrayList<>();
        ZMQ.Poller poller = pollers.get(channel);
        while (poller != null && poller.poll(0) > 0) {
            try {
                Message<?> m = channel.readMessage();
                if (m == null) {
                    break;
                }
                out.add(m);
            } catch (RuntimeException e) {
                log.println("visionlab kernel: dropped a message: " + e);
            }
        }
        return out;
    }

    /** Answers execute requests queued behind a failed cell ("Run All") with "aborted"; handles the rest. */
    private void abortQueued(Channel channel, List<Message<?>> queued) {
        for (Message<?> m : queued) {
            MessageType<?> type = m.getHeader().getType();
            if (type != null && type.getName().equals("execute_request")) {
                publish(m, PublishStatus.BUSY, PublishStatus.MESSAGE_TYPE);
                reply(channel, m, new AbortedReply(), MessageType.EXECUTE_REPLY);
                publish(m, PublishStatus.IDLE, PublishStatus.MESSAGE_TYPE);
            } else {
                handle(channel, m);
            }
        }
    }

    private void publish(Message<?> parent, Object content, MessageType<?> type) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Message<?> msg = new Message(parent, type, content);
        iopub.sendMessage(msg);
    }

    private static void reply(Channel channel, Message<?> parent, Object content, MessageType<?> type) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Message<?> msg = new Message(parent, type, content);
        channel.sendMessage(msg);
    }

    private void handle(Channel channel, Message<?> m) {
        MessageType<?> type = m.getHeader().getType();
        if (type == null) {
            return;
        }
        Trace.mark("received " + type.getName());
        busy.incrementAndGet();
        publish(m, PublishStatus.BUSY, PublishStatus.MESSAGE_TYPE);
        try {
            switch (type.getName()) {
                case "kernel_info_request" -> reply(channel, m, kernelInfo(), MessageType.KERNEL_INFO_REPLY);
                case "execute_request" -> execute(channel, m);
                case "complete_request" -> complete(channel, m);
                case "inspect_request" -> inspect(channel, m);
                case "is_complete_request" -> isComplete(channel, m);
                case "history_request" -> reply(channel, m, new HistoryReply(new ArrayList<>()), MessageType.HISTORY_REPLY);
                case "comm_info_request" -> reply(channel, m, new CommInfoReply(Map.of()), MessageType.COMM_INFO_REPLY);
                case "interrupt_request" -> {
                    session.interrupt();
                    reply(channel, m, new InterruptReply(), MessageType.INTERRUPT_REPLY);
                }
                case "shutdown_request" -> {
                    boolean restart = ((ShutdownRequest) m.getContent()).isRestart();
                    reply(channel, m, restart ? ShutdownReply.SHUTDOWN_AND_RESTART : ShutdownReply.SHUTDOWN,
                            MessageType.SHUTDOWN_REPLY);
                    running = false;
                    shutdown.countDown();
                }
                default -> log.println("visionlab kernel: unhandled message " + type.getName());
            }
        } finally {
            busy.decrementAndGet();
            publish(m, PublishStatus.IDLE, PublishStatus.MESSAGE_TYPE);
        }
    }

    private InfoReply kernelInfo() {
        LanguageInfo lang = new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
        return new InfoReply(lang, "VisionLab kernel " + Main.VERSION + " - Java " + Runtime.version()
                + " (JShell). display(x), updateDisplay(id, y); %help lists the magics.");
    }

    private void execute(Channel channel, Message<?> m) {
        ExecuteRequest req = (ExecuteRequest) m.getContent();
        int count = req.isSilent() ? executionCount.get() : executionCount.incrementAndGet();
        if (!req.isSilent()) {
            publish(m, new PublishExecuteInput(req.getCode(), count), MessageType.PUBLISH_EXECUTE_INPUT);
        }
        Frontend frontend = new Frontend() {
            @Override
            public void stream(String name, String text) {
                if (!req.isSilent()) {
                    publish(m, new PublishStream("stderr".equals(name) ? PublishStream.StreamType.ERR
                            : PublishStream.StreamType.OUT, text), MessageType.PUBLISH_STREAM);
                }
            }

            @Override
            public void display(Rendered output, String displayId, boolean update) {
                DisplayData dd = toDisplayData(output);
                dd.setDisplayId(displayId);
                if (update) {
                    publish(m, new PublishUpdateDisplayData(dd), MessageType.PUBLISH_UPDATE_DISPLAY_DATA);
                } else {
                    publish(m, new PublishDisplayData(dd), MessageType.PUBLISH_DISPLAY_DATA);
                }
            }
        };
        Outcome outcome = session.execute(req.getCode(), frontend);
        if (outcome instanceof Outcome.Value v && !req.isSilent()) {
            publish(m, new PublishExecuteResult(count, toDisplayData(v.rendered())), MessageType.PUBLISH_EXECUTION_RESULT);
        }
        if (outcome instanceof Outcome.Error e) {
            publish(m, new PublishError(e.ename(), e.evalue(), e.traceback()), MessageType.PUBLISH_ERROR);
            ErrorReply er = new ErrorReply(e.ename(), e.evalue(), e.traceback());
            er.setExecutionCount(count);
            // cells already sent behind this one (Run All) are skipped, as in IPython
            List<Message<?>> behind = req.shouldStopOnError() && !req.isSilent() ? queued(channel) : List.of();
            reply(channel, m, er, MessageType.EXECUTE_REPLY.error());
            abortQueued(channel, behind);
        } else {
            reply(channel, m, new ExecuteReply(count, Map.of()), MessageType.EXECUTE_REPLY);
        }
    }

    private static DisplayData toDisplayData(Rendered r) {
        DisplayData dd = new DisplayData();
        r.data().forEach(dd::putData);
        r.metadata().forEach(dd::putMetaData);
        return dd;
    }

    private void complete(Channel channel, Message<?> m) {
        CompleteRequest req = (CompleteRequest) m.getContent();
        String code = req.getCode();
        int cursor = Math.min(code.length(), Math.max(0, req.getCursorPos()));
        int lineStart = code.lastIndexOf('\n', Math.max(0, cursor - 1)) + 1;
        if (cursor > 0 && lineStart > cursor) {
            lineStart = cursor;
        }
        String line = code.substring(lineStart, cursor);
        List<String> matches = new ArrayList<>();
        int start = cursor;
        if (line.stripLeading().startsWith("%") && !line.strip().contains(" ")) {
            String prefix = line.strip();
            start = cursor - prefix.length();
            for (String magic : session.magicHelp().keySet()) {
                if (magic.startsWith(prefix)) {
                    matches.add(magic);
                }
            }
        } else {
            int[] anchor = {cursor};
            try {
                matches.addAll(session.evaluator().complete(code, cursor, anchor));
                start = anchor[0];
            } catch (RuntimeException e) {
                log.println("visionlab kernel: completion failed: " + e);
            }
        }
        reply(channel, m, new CompleteReply(matches, start, cursor, Map.of()), MessageType.COMPLETE_REPLY);
    }

    private void inspect(Channel channel, Message<?> m) {
        InspectRequest req = (InspectRequest) m.getContent();
        String doc = null;
        try {
            doc = session.evaluator().documentation(req.getCode(), Math.min(req.getCode().length(), req.getCursorPos()));
        } catch (RuntimeException e) {
            log.println("visionlab kernel: inspection failed: " + e);
        }
        InspectReply r = doc == null ? new InspectReply(false, new DisplayData()) : new InspectReply(true, new DisplayData(doc));
        reply(channel, m, r, MessageType.INSPECT_REPLY);
    }

    private void isComplete(Channel channel, Message<?> m) {
        IsCompleteRequest req = (IsCompleteRequest) m.getContent();
        String code = req.getCode();
        String answer = magicOnly(code) ? "complete" : session.evaluator().isComplete(stripMagics(code));
        IsCompleteReply r;
        if (answer.equals("complete")) {
            r = IsCompleteReply.VALID_CODE;
        } else if (answer.equals("invalid")) {
            r = IsCompleteReply.INVALID_CODE;
        } else {
            r = IsCompleteReply.getIncompleteReplyWithIndent(answer.substring(answer.indexOf('\n') + 1));
        }
        reply(channel, m, r, MessageType.IS_COMPLETE_REPLY);
    }

    private static boolean magicOnly(String code) {
        return code.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("%"));
    }

    private static String stripMagics(String code) {
        StringBuilder sb = new StringBuilder();
        boolean top = true;
        for (String l : code.split("\n", -1)) {
            if (top && (l.isBlank() || l.strip().startsWith("%"))) {
                sb.append('\n');
                continue;
            }
            top = false;
            sb.append(l).append('\n');
        }
        return sb.substring(0, Math.max(0, sb.length() - 1));
    }

    /** Closes every socket. */
    void close() {
        running = false;
        for (Thread t : threads) {
            if (t != Thread.currentThread()) {
                try {
                    t.join(2 * POLL_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        shell.close();
        control.close();
        stdin.close();
        iopub.close();
        heartbeat.close();
        ctx.close();
    }
}
