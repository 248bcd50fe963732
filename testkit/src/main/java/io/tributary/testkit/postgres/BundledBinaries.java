package io.tributary.testkit.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The PostgreSQL binaries of one major version, as packed into the testkit jar at build time (see testkit/pom.xml).
 *
 * <p>The archives live under {@value #RESOURCE_DIR}{@code pg<major>/}, with zonky's own file names, so several major
 * versions sit side by side. zonky unpacks each archive into a directory named after its digest, so versions never
 * collide on disk. It also caches by resolver, which is why this is a record (equal per major version). On a
 * platform the jar carries no archive for, it falls back to the binaries jar on the classpath; {@link PostgresServer}
 * then checks the version the server reports.
 */
record BundledBinaries(int majorVersion) implements PgBinaryResolver {

    static final String RESOURCE_DIR = "io/tributary/testkit/postgres/binaries/";

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        String archive = String.format(Locale.ROOT, "postgres-%s-%s.txz",
                system.toLowerCase(Locale.ROOT), ArchUtils.normalize(machineHardware));
        InputStream bundled = BundledBinaries.class.getClassLoader()
                .getResourceAsStream(RESOURCE_DIR + "pg" + majorVersion + "/" + archive);
        return bundled != null ? bundled : DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
    }
}
