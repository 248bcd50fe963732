package io.tributary.testkit.s3;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs S3Mock in this JVM with every connector on 127.0.0.1 (and {@link AbortKeepsExistingObject}), then prints
 * {@code S3-SERVER READY httpPort=<p> httpsPort=<p>}.
 *
 * <p>Arguments: {@code <httpPort> <storageDir>}. HTTPS (S3Mock's self-signed main connector) takes an ephemeral port.
 */
public final class S3ServerMain {

    private S3ServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("Usage: S3ServerMain <httpPort> <storageDir>");
            System.exit(2);
        }
        int httpPort = Integer.parseInt(args[0]);
        Path root = Paths.get(args[1]).toAbsolutePath();
        Files.createDirectories(root);

        ConfigurableApplicationContext context = new SpringApplicationBuilder(S3MockApplication.class,
                LoopbackConnectors.class, AbortKeepsExistingObject.class)
                .properties(properties(httpPort, root))
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run();
        try {
            WebServer server = ((WebServerApplicationContext) context).getWebServer();
            List<Connector> connectors = connectors(server);
            int httpsPort = server.getPort();
            int boundHttpPort = -1;
            for (Connector connector : connectors) {
                requireLoopback(connector);
                if (!connector.getSecure()) {
                    boundHttpPort = connector.getLocalPort();
                }
            }
            if (boundHttpPort != httpPort) {
                throw new IllegalStateException("HTTP connector on port " + boundHttpPort + ", not " + httpPort);
            }
            System.out.println("S3-SERVER READY httpPort=" + boundHttpPort + " httpsPort=" + httpsPort);
            System.out.flush();
        } catch (RuntimeException e) {
            e.printStackTrace();
            context.close();
            System.exit(1);
        }
    }

    private static Map<String, Object> properties(int httpPort, Path root) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("http.port", httpPort);
        // S3Mock's main connector is HTTPS with its bundled self-signed key; nothing here uses it.
        properties.put("server.port", 0);
        properties.put("server.address", LoopbackConnectors.HOST);
        properties.put("server.ssl.key-store", "classpath:s3mock.jks");
        properties.put("server.ssl.key-store-password", "password");
        properties.put("server.ssl.key-alias", "selfsigned");
        properties.put("server.ssl.key-password", "password");
        properties.put("com.adobe.testing.s3mock.store.root", root.toString());
        properties.put("com.adobe.testing.s3mock.store.retain-files-on-exit", false);
        properties.put("logging.level.root", "WARN");
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", "5s");
        return properties;
    }

    private static List<Connector> connectors(WebServer server) {
        if (!(server instanceof TomcatWebServer tomcat)) {
            throw new IllegalStateException("Expected Tomcat, found " + server);
        }
        List<Connector> connectors = new ArrayList<>(List.of(tomcat.getTomcat().getService().findConnectors()));
        if (connectors.size() < 2) {
            throw new IllegalStateException("Expected S3Mock's HTTP and HTTPS connectors, found " + connectors);
        }
        return connectors;
    }

    private static void requireLoopback(Connector connector) {
        InetAddress address = connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol
                ? protocol.getAddress() : null;
        if (address == null || !address.isLoopbackAddress()) {
            throw new IllegalStateException(connector + " listens on " + (address == null ? "all interfaces"
                    : address) + ", not on loopback only");
        }
    }
}
