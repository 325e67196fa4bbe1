package visionlab.kernel;

import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtimes;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositoryException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Maven coordinates to jar files: the artifacts and their transitive runtime dependencies, resolved with
 * Maven Resolver through MIMA. Honours {@code settings.xml} (mirrors, proxies, servers, profiles,
 * {@code <offline>}, {@code <localRepository>}) and the local repository ({@code ~/.m2/repository}); the
 * remote repositories are Maven Central plus those given. Network waits are bounded by the connect and
 * request timeouts; a failure names the coordinates and the repositories tried. Only {@link MavenMagic}
 * uses this class, so the resolver's classes load on the first {@code %maven}, not at kernel start.
 */
final class MavenResolver {

    /** One artifact of the graph: its coordinates, its jar (once resolved), the "group:artifact" of its direct dependencies. */
    record Jar(String groupId, String artifactId, String version, Path file, List<String> dependencies) {
        String key() {
            return groupId + ":" + artifactId;
        }

        String coordinates() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    /** Coordinates that could not be resolved; the message names them and the repositories tried. */
    static final class ResolutionException extends Exception {
        private static final long serialVersionUID = 1L;

        ResolutionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Where the settings and the local repository are and how long to wait for a server.
     * {@code localRepository} null: the one {@code settings.xml} names, else {@code ~/.m2/repository}.
     */
    record Config(Path settingsXml, Path localRepository, Duration connectTimeout, Duration requestTimeout) {
        /**
         * {@code ~/.m2/settings.xml} (or {@code -Dvisionlab.maven.settings=FILE}), {@code -Dmaven.repo.local}
         * if set, 10 s to connect and 30 s of silence per request.
         */
        static Config fromSystem() {
            String settings = System.getProperty("visionlab.maven.settings");
            String local = System.getProperty("maven.repo.local");
            return new Config(settings != null ? Path.of(settings)
                    : Path.of(System.getProperty("user.home"), ".m2", "settings.xml"),
                    local != null ? Path.of(local) : null, Duration.ofSeconds(10), Duration.ofSeconds(30));
        }
    }

    private final Config config;

    MavenResolver(Config config) {
        this.config = config;
    }

    /**
     * Resolves {@code coordinates} ({@code group:artifact[:extension[:classifier]]:version}) together, as
     * one dependency graph, with Maven's nearest-wins mediation, searching Central and then
     * {@code extraRepositories} (URLs). First the graph is collected (POMs only): {@code choose} gets
     * every runtime artifact of it once, in preorder (each requested artifact before its dependencies),
     * with {@code file} null, and returns the keys ("group:artifact") to download. Returns those, with
     * their files, once all of them are in the local repository. {@code progress} gets a line per
     * downloaded jar.
     *
     * @throws IllegalArgumentException a coordinate is not of the form above
     * @throws ResolutionException an artifact is missing or no repository answered
     */
    List<Jar> resolve(List<String> coordinates, List<String> extraRepositories, PrintStream progress,
            Function<List<Jar>, Set<String>> choose) throws ResolutionException {
        List<Dependency> roots = new ArrayList<>();
        for (String c : coordinates) {
            roots.add(new Dependency(artifact(c), JavaScopes.RUNTIME));
        }
        Settings settings = settings();
        List<RemoteRepository> repositories = new ArrayList<>(List.of(ContextOverrides.CENTRAL));
        for (int i = 0; i < extraRepositories.size(); i++) {
            repositories.add(new RemoteRepository.Builder("repo-" + (i + 1), "default", extraRepositories.get(i)).build());
        }
        ContextOverrides.Builder overrides = ContextOverrides.create()
                .withUserSettings(true)
                .withEffectiveSettings(settings)
                .offline(settings.isOffline())
                .repositories(repositories)
                .addRepositoriesOp(ContextOverrides.AddRepositoriesOp.REPLACE)
                .configProperties(timeouts())
                .transferListener(new Downloads(progress));
        if (config.localRepository() != null) {
            overrides.withLocalRepositoryOverride(config.localRepository());
        }
        try (Context context = Runtimes.INSTANCE.getRuntime().create(overrides.build())) {
            // the repositories after settings.xml's mirrors, proxies and credentials are applied
            List<RemoteRepository> tried = context.remoteRepositories();
            RepositorySystem system = context.repositorySystem();
            RepositorySystemSession session = context.repositorySystemSession();
            try {
                DependencyNode root = system.collectDependencies(session, new CollectRequest(roots, List.of(), tried)).getRoot();
                Map<String, Jar> graph = new LinkedHashMap<>();
                root.getChildren().forEach(n -> walk(n, graph));
                Set<String> chosen = choose.apply(List.copyOf(graph.values()));
                DependencyFilter filter = DependencyFilterUtils.andFilter(DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME),
                        (node, parents) -> node.getArtifact() != null && chosen.contains(key(node.getArtifact())));
                Map<String, Jar> jars = new LinkedHashMap<>();
                for (ArtifactResult r : system.resolveDependencies(session, new DependencyRequest(root, filter)).getArtifactResults()) {
                    Jar j = graph.get(key(r.getArtifact()));
                    jars.put(j.key(), new Jar(j.groupId(), j.artifactId(), j.version(), r.getArtifact().getFile().toPath(), j.dependencies()));
                }
                return new ArrayList<>(jars.values());
            } catch (RepositoryException | RuntimeException e) {
                throw new ResolutionException("cannot resolve " + String.join(", ", coordinates) + ": "
                        + causes(e) + "\nrepositories tried: "
                        + describe(tried, session.getLocalRepository().getBasedir().toPath(), settings.isOffline()), e);
            }
        }
    }

    /** Adds the runtime artifacts of {@code node}'s graph in preorder, each once (the graph is mediated: one version each). */
    private static void walk(DependencyNode node, Map<String, Jar> graph) {
        String key = key(node.getArtifact());
        String scope = node.getDependency().getScope();
        if (graph.containsKey(key) || !(scope.isEmpty() || scope.equals(JavaScopes.COMPILE) || scope.equals(JavaScopes.RUNTIME))) {
            return;
        }
        Artifact a = node.getArtifact();
        graph.put(key, new Jar(a.getGroupId(), a.getArtifactId(), a.getBaseVersion(), null,
                node.getChildren().stream().map(c -> key(c.getArtifact())).toList()));
        node.getChildren().forEach(c -> walk(c, graph));
    }

    private static String key(Artifact a) {
        return a.getGroupId() + ":" + a.getArtifactId();
    }

    /** "group:artifact" of a coordinate. */
    static String key(String coordinate) {
        return key(artifact(coordinate));
    }

    /** A coordinate as Maven Resolver reads it, or an error that shows the expected form. */
    static DefaultArtifact artifact(String coordinate) {
        try {
            return new DefaultArtifact(coordinate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("coordinates: expected group:artifact:version (like "
                    + "org.apache.commons:commons-math3:3.6.1), got " + coordinate, e);
        }
    }

    /** The user's settings.xml (and the global one under {@code maven.home}), interpolated as Maven does. */
    private Settings settings() throws ResolutionException {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        Properties system = new Properties();
        system.putAll(System.getProperties());
        System.getenv().forEach((k, v) -> system.setProperty("env." + k, v));
        request.setSystemProperties(system);
        request.setUserSettingsFile(config.settingsXml().toFile());
        String mavenHome = System.getProperty("maven.home", System.getenv("MAVEN_HOME"));
        if (mavenHome != null) {
            request.setGlobalSettingsFile(Path.of(mavenHome, "conf", "settings.xml").toFile());
        }
        try {
            return new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
        } catch (SettingsBuildingException e) {
            throw new ResolutionException("cannot read " + config.settingsXml() + ": " + e.getMessage(), e);
        }
    }

    /** Connect and request timeouts, and one retry, unless set as system properties. */
    private Map<String, Object> timeouts() {
        Map<String, Object> p = new HashMap<>();
        p.put(ConfigurationProperties.CONNECT_TIMEOUT, (int) config.connectTimeout().toMillis());
        p.put(ConfigurationProperties.REQUEST_TIMEOUT, (int) config.requestTimeout().toMillis());
        p.put(ConfigurationProperties.HTTP_RETRY_HANDLER_COUNT, 1);
        p.keySet().removeIf(k -> System.getProperty(k) != null);
        return p;
    }

    private static String describe(List<RemoteRepository> repositories, Path local, boolean offline) {
        List<String> parts = new ArrayList<>();
        parts.add("local " + local);
        for (RemoteRepository r : repositories) {
            String mirrored = r.getMirroredRepositories().isEmpty() ? ""
                    : ", mirror of " + r.getMirroredRepositories().stream().map(RemoteRepository::getId)
                    .collect(Collectors.joining(", "));
            parts.add(r.getId() + " (" + r.getUrl() + mirrored + ")");
        }
        return String.join("; ", parts) + (offline ? " [offline: settings.xml has <offline>true</offline>]" : "");
    }

    /** The messages of the exception and its causes, each once ("Failed to collect ...: Could not transfer ...: Read timed out"). */
    private static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < 6; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (!sb.toString().contains(m)) {
                sb.append(sb.length() == 0 ? "" : ": ").append(m);
            }
        }
        return sb.toString();
    }

    /** Prints one line per jar downloaded from a remote repository. */
    private static final class Downloads extends AbstractTransferListener {
        private final PrintStream out;

        Downloads(PrintStream out) {
            this.out = out;
        }

        @Override
        public void transferSucceeded(TransferEvent event) {
            String name = event.getResource().getResourceName();
            if (name.endsWith(".jar")) {
                out.println("downloaded " + name.substring(name.lastIndexOf('/') + 1) + " ("
                        + MavenMagic.size(event.getTransferredBytes()) + ") from " + event.getResource().getRepositoryId());
            }
        }
    }
}
