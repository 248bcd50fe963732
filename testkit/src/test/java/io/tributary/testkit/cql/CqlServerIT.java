package io.tributary.testkit.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.testkit.net.LoopbackAssertions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.Node;

class CqlServerIT {

    private static CqlServer server;

    @BeforeAll
    static void startServer() {
        long started = System.nanoTime();
        server = CqlServer.start();
        System.out.printf("CQL server %s ready in %.1f s%n", server, (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stopServer() {
        if (server == null) {
            return;
        }
        long pid = server.pid();
        Path workDir = server.log().getParent();
        long stopping = System.nanoTime();
        server.close();
        System.out.printf("CQL server stopped and deleted in %.1f s%n", (System.nanoTime() - stopping) / 1e9);
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("live server process").isEmpty();
        assertThat(workDir).as("temporary work directory").doesNotExist();
    }

    @Test
    void writesWithPreparedStatementAndReadsBack() {
        try (CqlSession session = CqlSession.builder()
                .addContactPoint(server.contactPoint())
                .withLocalDatacenter(server.localDatacenter())
                .build()) {
            assertThat(session.getMetadata().getNodes().values())
                    .extracting(Node::getDatacenter)
                    .containsExactly(server.localDatacenter());

            session.execute("CREATE KEYSPACE smoke WITH replication = {'class': 'SimpleStrategy', "
                    + "'replication_factor': 1}");
            session.execute("CREATE TABLE smoke.kv (k text PRIMARY KEY, v int)");
            PreparedStatement insert = session.prepare("INSERT INTO smoke.kv (k, v) VALUES (?, ?)");
            session.execute(insert.bind("answer", 42));

            Row row = session.execute("SELECT v FROM smoke.kv WHERE k = ?", "answer").one();
            assertThat(row).isNotNull();
            assertThat(row.getInt("v")).isEqualTo(42);
        }
    }

    @Test
    void nativePortListensOnLoopbackOnly() {
        LoopbackAssertions.assertListensOnLoopbackOnly(server.port());
    }

    @Test
    void serverProcessListensOnLoopbackOnly() throws IOException {
        assumeTrue(ListeningSockets.supported(server.pid()), "no /proc to inspect sockets");
        List<InetSocketAddress> listening = ListeningSockets.of(server.pid());

        assertThat(listening).extracting(InetSocketAddress::getPort).contains(server.port());
        assertThat(listening)
                .allSatisfy(socket -> assertThat(socket.getAddress().isLoopbackAddress())
                        .as("%s is on loopback", socket).isTrue());
    }

    @Test
    void refusesAJavaHomeThatIsNotJava17() throws IOException {
        Path fakeJdk = Files.createTempDirectory("not-a-jdk-17");
        try {
            Files.createDirectories(fakeJdk.resolve("bin"));
            Path java = Files.createFile(fakeJdk.resolve("bin").resolve("java"));
            assumeTrue(java.toFile().setExecutable(true), "cannot make a fake java executable");
            Files.writeString(fakeJdk.resolve("release"), "JAVA_VERSION=\"25.0.1\"\n");
            System.setProperty(CqlServer.JAVA_HOME_PROPERTY, fakeJdk.toString());

            assertThatThrownBy(CqlServer::java17Home)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("needs Java 17")
                    .hasMessageContaining("is Java 25");
        } finally {
            System.clearProperty(CqlServer.JAVA_HOME_PROPERTY);
            Files.delete(fakeJdk.resolve("release"));
            Files.delete(fakeJdk.resolve("bin").resolve("java"));
            Files.delete(fakeJdk.resolve("bin"));
            Files.delete(fakeJdk);
        }
    }

}
