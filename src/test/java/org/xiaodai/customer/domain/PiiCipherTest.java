package org.xiaodai.customer.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PiiCipherTest {

    static final byte[] INDEX_KEY = new byte[32];
    final DataKey oldKey = DataKey.of(new byte[32]);
    final DataKey newKey = DataKey.of(filled(7));

    @Test
    void sealedValueOpensToThePlaintextUnderItsKeyAndAssociatedData() {
        PiiCipher cipher = new PiiCipher(newKey, List.of(), INDEX_KEY);
        SealedValue sealed = cipher.seal("360426199101010071", "customer:1:idNumber");
        assertThat(sealed.keyId()).isEqualTo(newKey.id());
        assertThat(new String(sealed.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("0071");
        assertThat(cipher.open(sealed, "customer:1:idNumber")).isEqualTo("360426199101010071");
    }

    @Test
    void theSamePlaintextSealsDifferentlyEachTime() {
        PiiCipher cipher = new PiiCipher(newKey, List.of(), INDEX_KEY);
        assertThat(cipher.seal("13812345678", "a").ciphertext()).isNotEqualTo(cipher.seal("13812345678", "a").ciphertext());
    }

    @Test
    void aCiphertextMovedToAnotherRowOrFieldDoesNotOpen() {
        PiiCipher cipher = new PiiCipher(newKey, List.of(), INDEX_KEY);
        SealedValue sealed = cipher.seal("13812345678", "customer:1:mobile");
        assertThatThrownBy(() -> cipher.open(sealed, "customer:2:mobile")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valuesUnderAPreviousKeyStillOpenAndAreStale() {
        SealedValue old = new PiiCipher(oldKey, List.of(), INDEX_KEY).seal("x", "a");
        PiiCipher rotated = new PiiCipher(newKey, List.of(oldKey), INDEX_KEY);
        assertThat(rotated.open(old, "a")).isEqualTo("x");
        assertThat(rotated.isStale(old.keyId())).isTrue();
        assertThatThrownBy(() -> new PiiCipher(newKey, List.of(), INDEX_KEY).open(old, "a"))
                .hasMessageContaining(oldKey.id());
    }

    @Test
    void blindIndexIsStableAcrossDataKeysAndDiffersPerField() {
        byte[] a = new PiiCipher(oldKey, List.of(), INDEX_KEY).blindIndex("idNumber", "360426199101010071");
        byte[] b = new PiiCipher(newKey, List.of(), INDEX_KEY).blindIndex("idNumber", "360426199101010071");
        assertThat(a).isEqualTo(b).hasSize(32);
        assertThat(new PiiCipher(newKey, List.of(), INDEX_KEY).blindIndex("mobile", "360426199101010071")).isNotEqualTo(a);
        assertThat(new PiiCipher(newKey, List.of(), filled(1)).blindIndex("idNumber", "360426199101010071")).isNotEqualTo(a);
    }

    @Test
    void keyIdNamesTheKeyWithoutShowingIt() {
        assertThat(DataKey.fromBase64(newKey.toBase64()).id()).isEqualTo(newKey.id()).hasSize(16);
        assertThat(newKey.toString()).doesNotContain(newKey.toBase64());
        assertThatThrownBy(() -> DataKey.fromBase64("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
