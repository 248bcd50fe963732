package io.tributary.s3.config;

import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

import io.tributary.common.config.Validators;

/** The "S3" group: where objects go, how to reach and authenticate to the store, and how requests are retried. */
public final class StorageConfigFragment {

    static final String GROUP = "S3";

    public static final String BUCKET = "s3.bucket.name";
    public static final String BUCKET_DOC = "Name of the bucket the sink writes to. It must already exist.";

    public static final String REGION = "s3.region";
    public static final String REGION_DEFAULT = "us-east-1";
    public static final String REGION_DOC = "AWS region of the bucket, e.g. eu-west-1. With 'store.url' set, "
            + "the region that S3-compatible store expects in request signatures.";

    public static final String STORE_URL = "store.url";
    public static final String STORE_URL_DEFAULT = "";
    public static final String STORE_URL_DOC = "Endpoint of an S3-compatible store (MinIO, Ceph, ...), e.g. "
            + "http://minio:9000. Empty: AWS's own endpoint for 's3.region'.";

    public static final String PATH_STYLE = "s3.path.style.access.enabled";
    public static final boolean PATH_STYLE_DEFAULT = false;
    public static final String PATH_STYLE_DOC = "Address the bucket as <endpoint>/<bucket> instead of "
            + "<bucket>.<endpoint>. Most S3-compatible stores need this.";

    public static final String ACCESS_KEY_ID = "aws.access.key.id";
    public static final String ACCESS_KEY_ID_DEFAULT = "";
    public static final String ACCESS_KEY_ID_DOC = "Access key ID. Empty: the AWS default credential chain "
            + "(environment, system properties, profile, container or instance role). Set together with "
            + "'aws.secret.access.key'.";

    public static final String SECRET_ACCESS_KEY = "aws.secret.access.key";
    public static final String SECRET_ACCESS_KEY_DOC = "Secret access key that goes with 'aws.access.key.id'.";

    public static final String PART_SIZE = "s3.part.size";
    public static final int PART_SIZE_DEFAULT = 25 * 1024 * 1024;
    public static final String PART_SIZE_DOC = "Size in bytes of each part of a multipart upload; objects no larger "
            + "than this are uploaded with one PUT. S3 requires at least 5 MiB.";

    public static final String PART_RETRIES = "s3.part.retries";
    public static final int PART_RETRIES_DEFAULT = 8;
    public static final String PART_RETRIES_DOC = "How many times a request that failed with a 5xx, throttling or "
            + "a timeout is retried, with exponential backoff and jitter, before the task gives up on it.";

    public static final String RETRY_BACKOFF_MS = "s3.retry.backoff.ms";
    public static final long RETRY_BACKOFF_MS_DEFAULT = 200L;
    public static final String RETRY_BACKOFF_MS_DOC = "First retry delay in milliseconds; each further retry waits "
            + "up to twice as long (capped at 20 s), with full jitter.";

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION_NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern NO_SPACES = Pattern.compile("\\S*");

    private StorageConfigFragment() {
    }

    /** Adds this group's keys to {@code def}. */
    public static ConfigDef update(ConfigDef def) {
        int order = 0;
        return def
                .define(BUCKET, Type.STRING, ConfigDef.NO_DEFAULT_VALUE,
                        Validators.matching(BUCKET_NAME, "an S3 bucket name (3-63 of a-z, 0-9, '.', '-')"),
                        Importance.HIGH, BUCKET_DOC, GROUP, ++order, Width.MEDIUM, "Bucket")
                .define(REGION, Type.STRING, REGION_DEFAULT,
                        Validators.matching(REGION_NAME, "a region name such as us-east-1"),
                        Importance.MEDIUM, REGION_DOC, GROUP, ++order, Width.SHORT, "Region")
                .define(STORE_URL, Type.STRING, STORE_URL_DEFAULT, ConfigValidators.emptyOrHttpUrl(),
                        Importance.MEDIUM, STORE_URL_DOC, GROUP, ++order, Width.LONG, "Endpoint URL")
                .define(PATH_STYLE, Type.BOOLEAN, PATH_STYLE_DEFAULT, Importance.LOW, PATH_STYLE_DOC,
                        GROUP, ++order, Width.SHORT, "Path-style access")
                .define(ACCESS_KEY_ID, Type.STRING, ACCESS_KEY_ID_DEFAULT,
                        Validators.matching(NO_SPACES, "an access key ID without spaces, or empty"),
                        Importance.HIGH, ACCESS_KEY_ID_DOC, GROUP, ++order, Width.MEDIUM, "Access key ID")
                .define(SECRET_ACCESS_KEY, Type.PASSWORD, null, Importance.HIGH, SECRET_ACCESS_KEY_DOC,
                        GROUP, ++order, Width.MEDIUM, "Secret access key")
                .define(PART_SIZE, Type.INT, PART_SIZE_DEFAULT, Range.atLeast(5 * 1024 * 1024),
                        Importance.LOW, PART_SIZE_DOC, GROUP, ++order, Width.SHORT, "Part size")
                .define(PART_RETRIES, Type.INT, PART_RETRIES_DEFAULT, Range.between(0, 100),
                        Importance.LOW, PART_RETRIES_DOC, GROUP, ++order, Width.SHORT, "Retries")
                .define(RETRY_BACKOFF_MS, Type.LONG, RETRY_BACKOFF_MS_DEFAULT, Range.between(1L, 60_000L),
                        Importance.LOW, RETRY_BACKOFF_MS_DOC, GROUP, ++order, Width.SHORT, "Retry backoff");
    }
}
