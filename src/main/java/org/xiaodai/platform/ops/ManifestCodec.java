package org.xiaodai.platform.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@link BackupManifest} as indented JSON. */
final class ManifestCodec {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ManifestCodec() {
    }

    static void write(BackupManifest manifest, OutputStream out) throws IOException {
        try {
            out.write(JSON.writeValueAsBytes(manifest));
        } catch (JacksonException e) {
            throw new IOException("Cannot write the backup manifest", e);
        }
    }

    static BackupManifest read(InputStream in) {
        try {
            return JSON.readValue(in, BackupManifest.class);
        } catch (JacksonException e) {
            throw new BackupException("Unreadable backup manifest: " + e.getOriginalMessage(), e);
        }
    }
}
