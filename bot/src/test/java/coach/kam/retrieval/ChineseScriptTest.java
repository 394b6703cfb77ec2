package coach.kam.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Traditional characters are read as the simplified ones the knowledge and the analysers use. */
class ChineseScriptTest {

    @Test
    void traditionalBecomesSimplifiedAndTheRestIsKept() {
        assertEquals("客户说价格太贵了,怎么办?", ChineseScript.simplified("客戶說價格太貴了,怎麼辦?"));
        assertEquals("怎么做联合生意计划", ChineseScript.simplified("怎麼做聯合生意計劃"));
        assertEquals("Price too high 太贵", ChineseScript.simplified("Price too high 太貴"));
    }
}
