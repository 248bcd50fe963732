package io.tributary.testkit.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.testkit.net.LoopbackAssertions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 fixture is a real S3 server on loopback that honours what the S3 sink relies on. */
class S3ServerIT {

    private static final String BUCKET = "smoke";
    private static final int PART_SIZE = 5 * 1024 * 1024;

    private static S3Server server;
    private static S3Client s3;

    @BeforeAll
    static void startServer() {
        long started = System.nanoTime();
        server = S3Server.start();
        System.out.printf("S3 server %s ready in %d ms%n", server, (System.nanoTime() - started) / 1_000_000);
        s3 = server.client();
        server.createBucket(BUCKET);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void putThenGet() {
        s3.putObject(b -> b.bucket(BUCKET).key("plain/hello.txt"), RequestBody.fromString("hello", UTF_8));

        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("plain/hello.txt")).asUtf8String())
                .isEqualTo("hello");
    }

    @Test
    void conditionalPutDoesNotOverwrite() {
        String key = "conditional/put.txt";
        s3.putObject(b -> b.bucket(BUCKET).key(key).ifNoneMatch("*"), RequestBody.fromString("first", UTF_8));

        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(BUCKET).key(key).ifNoneMatch("*"),
                RequestBody.fromString("second", UTF_8)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String()).isEqualTo("first");
    }

    @Test
    void multipartUploadCompletesAndConditionalCompleteDoesNotOverwrite() {
        String key = "multipart/big.bin";
        String firstETag = complete(key, upload(key, (byte) 'a'), false);

        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key(key));
        assertThat(head.contentLength()).isEqualTo(2L * PART_SIZE);
        assertThat(head.eTag()).isEqualTo(firstETag).endsWith("-2\"");

        Upload loser = upload(key, (byte) 'b');
        assertThatThrownBy(() -> complete(key, loser, true))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        // What a writer that lost the race does; S3 keeps the object already at the key.
        s3.abortMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(loser.id()));

        assertThat(s3.headObject(b -> b.bucket(BUCKET).key(key)).eTag()).isEqualTo(firstETag);
        byte[] start = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key).range("bytes=0-3")).asByteArray();
        assertThat(new String(start, UTF_8)).isEqualTo("aaaa");
    }

    @Test
    void abortingOneOfTwoUploadsToANewKeyLetsTheOtherComplete() {
        String key = "multipart/contended.bin";
        Upload aborted = upload(key, (byte) 'x');
        Upload winner = upload(key, (byte) 'y');

        s3.abortMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(aborted.id()));
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key(key)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        String eTag = complete(key, winner, true);

        assertThat(s3.headObject(b -> b.bucket(BUCKET).key(key)).eTag()).isEqualTo(eTag);
    }

    @Test
    void listObjectsV2PagesThroughEveryKey() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String key = "paged/object-" + i;
            keys.add(key);
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key, UTF_8));
        }

        List<ListObjectsV2Response> pages = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("paged/").maxKeys(3))
                .stream().toList();

        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).isTruncated()).isTrue();
        assertThat(pages.get(0).nextContinuationToken()).isNotBlank();
        assertThat(pages.stream().flatMap(p -> p.contents().stream()).map(S3Object::key))
                .containsExactlyElementsOf(keys);
    }

    @Test
    void listensOnLoopbackOnly() {
        LoopbackAssertions.assertListensOnLoopbackOnly(server.port());
    }

    private record Upload(String id, List<CompletedPart> parts) {
    }

    /** Starts a multipart upload and uploads two full-size parts of {@code fill}. */
    private static Upload upload(String key, byte fill) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).uploadId();
        byte[] data = new byte[PART_SIZE];
        Arrays.fill(data, fill);
        List<CompletedPart> parts = new ArrayList<>();
        for (int partNumber = 1; partNumber <= 2; partNumber++) {
            int number = partNumber;
            String eTag = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(data)).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
        }
        return new Upload(uploadId, parts);
    }

    private static String complete(String key, Upload upload, boolean ifNoneMatch) {
        return s3.completeMultipartUpload(b -> {
            b.bucket(BUCKET).key(key).uploadId(upload.id()).multipartUpload(m -> m.parts(upload.parts()));
            if (ifNoneMatch) {
                b.ifNoneMatch("*");
            }
        }).eTag();
    }

}
