package org.xiaodai.audit.internal;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.xiaodai.shared.Sha256;

import static org.assertj.core.api.Assertions.assertThat;

/** Every stored hash depends on the canonical form: it must never change. */
class AuditContentTest {

    static final AuditContent CONTENT = new AuditContent(Instant.parse("2026-12-01T08:30:00.123456Z"),
            UUID.fromString("00000000-0000-0000-0000-0000000000a1"), "张三", null, "127.0.0.1", "iam.user.created",
            "user", "42", UUID.fromString("00000000-0000-0000-0000-0000000000b2"), null, "{\"name\":\"a\u001fb\"}");

    @Test
    void joinsFieldsWithAUnitSeparatorMarksNullsAndEscapesTheSeparatorInsideAField() {
        assertThat(CONTENT.canonical().replace("\u001f", "<US>").replace("\u2400", "<NULL>")).isEqualTo(
                "2026-12-01T08:30:00.123456Z<US>00000000-0000-0000-0000-0000000000a1<US>张三<US><NULL><US>127.0.0.1"
                        + "<US>iam.user.created<US>user<US>42<US>00000000-0000-0000-0000-0000000000b2<US><NULL>"
                        + "<US>{\"name\":\"a\\u001fb\"}");
    }

    @Test
    void chainsAsEveryEntryBeforeWasChained() {
        // computed with the stream-based form the trail used before the sealer
        assertThat(Sha256.hex(AuditSealer.GENESIS + CONTENT.canonical()))
                .isEqualTo("67c4abf4ec747628ab1f3d5456073246c9fd58ef5076c718743bd5c1ab6d8de9");
    }
}
