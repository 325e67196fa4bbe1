package visionlab.kernel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds the five ports of a Jupyter connection file while the executor JVM starts, so that neither the
 * executor's sockets nor its debugger port (both on ports the system picks) can take one of them before the
 * kernel binds its ZeroMQ sockets there. Closed just before those binds.
 */
final class PortHold implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("\"(\\w+)_port\"\\s*:\\s*(\\d+)");
    private static final Pattern IP = Pattern.compile("\"ip\"\\s*:\\s*\"([^\"]+)\"");

    private final List<ServerSocket> held = new ArrayList<>();

    PortHold(Path connectionFile) {
        try {
            String json = Files.readString(connectionFile);
            Matcher ip = IP.matcher(json);
            String host = ip.find() ? ip.group(1) : "127.0.0.1";
            if (host.equals("*")) {
                host = "0.0.0.0";
            }
            Matcher m = PORT.matcher(json);
            while (m.find()) {
                int port = Integer.parseInt(m.group(2));
                if (port <= 0 || port > 65535) {
                    continue;
                }
                try {
                    ServerSocket s = new ServerSocket();
                    s.setReuseAddress(true);
                    s.bind(new InetSocketAddress(host, port), 1);
                    held.add(s);
                } catch (IOException e) {
                    // taken already: the ZeroMQ bind will say so
                }
            }
        } catch (IOException | RuntimeException e) {
            // no hold; the adapter reports a bad connection file
        }
    }

    @Override
    public void close() {
        for (ServerSocket s : held) {
            try {
                s.close();
            } catch (IOException e) {
                // closed already
            }
        }
        held.clear();
    }
}
