package org.shinsei.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void scrubTakesOutQuotedTextLongNumbersAndJapanese() {
        assertThat(Masking.scrub("For input string: \"SMITH JOHN\"")).isEqualTo("For input string: '…'");
        assertThat(Masking.scrub("Expected a long type at offset 1234, instead got 'abc'"))
                .isEqualTo("Expected a long type at offset 1234, instead got '…'");
        assertThat(Masking.scrub("phone 090-1234-5678 id 24972405146003949009194 zip 1000001"))
                .isEqualTo("phone *******5678 id *******************9194 zip ***0001");
        assertThat(Masking.scrub("name 試験 一郎 at 〒5300001 大阪府大阪市北区試験町2-2-11"))
                .doesNotContain("試験", "一郎", "大阪", "5300001").contains("name …");
        assertThat(Masking.scrub(null)).isNull();
    }

    @Test
    void aRedactedExceptionKeepsClassesAndFramesButNotThePersonalData() {
        IllegalStateException e = new IllegalStateException("bad row 試験 一郎 09012345678",
                new NumberFormatException("For input string: \"24972405146003949009194\""));
        Throwable r = Masking.redacted(e);
        StringWriter text = new StringWriter();
        r.printStackTrace(new PrintWriter(text));
        assertThat(text.toString())
                .contains("java.lang.IllegalStateException", "java.lang.NumberFormatException", "MaskingTest")
                .doesNotContain("試験", "09012345678", "24972405146003949009194");
        assertThat(r.getStackTrace()).isEqualTo(e.getStackTrace());
    }

    @Test
    void aBatchIdCannotLeaveTheOutputFolder() {
        assertThat(SafeNames.isBatchId("20261128")).isTrue();
        assertThat(SafeNames.isBatchId("night-2.b_1")).isTrue();
        for (String bad : new String[] {"..", ".", "../x", "a/b", "/abs", ".hidden", "", "a\nb", "x".repeat(65), "名前"}) {
            assertThat(SafeNames.isBatchId(bad)).as(bad).isFalse();
        }
    }

    @Test
    void pageRefEscapesControlAndBidiCharactersOfFileNames() {
        assertThat(PageRef.envelope("a\nINFO fake.pdf").toString()).isEqualTo("a\\u000aINFO fake.pdf");
        assertThat(PageRef.envelope("\u202Egpj.pdf").page(2).toString()).isEqualTo("\\u202egpj.pdf p2");
        assertThat(PageRef.envelope("名前 with space.pdf").toString()).isEqualTo("名前 with space.pdf");
    }
}
