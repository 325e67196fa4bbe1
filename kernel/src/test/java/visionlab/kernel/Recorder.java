package visionlab.kernel;

import java.util.ArrayList;
import java.util.List;

/** A frontend that records every output event in order, as "stream:name:text" / "display:id" / "update:id". */
final class Recorder implements Frontend {

    final List<String> events = new ArrayList<>();
    final List<Rendered> outputs = new ArrayList<>();
    final List<Long> streamTimes = new ArrayList<>();

    @Override
    public synchronized void stream(String name, String text) {
        events.add("stream:" + name + ":" + text);
        streamTimes.add(System.nanoTime());
    }

    @Override
    public synchronized void display(Rendered output, String displayId, boolean update) {
        events.add((update ? "update:" : "display:") + displayId);
        outputs.add(output);
    }

    synchronized String text(String name) {
        StringBuilder sb = new StringBuilder();
        for (String e : events) {
            if (e.startsWith("stream:" + name + ":")) {
                sb.append(e.substring(("stream:" + name + ":").length()));
            }
        }
        return sb.toString();
    }
}
