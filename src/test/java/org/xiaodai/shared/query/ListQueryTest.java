package org.xiaodai.shared.query;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListQueryTest {

    static final ListQuery.Sorting SORTING = ListQuery.Sorting.by("created", true, "created", "name");

    @Test
    void nonsenseFromTheUrlBecomesTheDefaultFirstPage() {
        ListQuery query = ListQuery.of(" ", "name; drop table x", "sideways", "-3", "1e9", SORTING);
        assertThat(query).isEqualTo(new ListQuery("", "created", true, 1, ListQuery.DEFAULT_SIZE));
    }

    @Test
    void aWhitelistedColumnSortsAscendingUnlessToldOtherwise() {
        assertThat(ListQuery.of(null, "name", null, "3", "50", SORTING))
                .isEqualTo(new ListQuery("", "name", false, 3, 50));
        assertThat(ListQuery.of(null, "name", "DESC", null, null, SORTING).descending()).isTrue();
        assertThat(ListQuery.of(null, null, "asc", null, null, SORTING).descending()).isFalse();
    }

    @Test
    void sizeIsCappedAndSearchIsCut() {
        ListQuery query = ListQuery.of("x".repeat(500), null, null, "2", "100000", SORTING);
        assertThat(query.size()).isEqualTo(ListQuery.MAX_SIZE);
        assertThat(query.search()).hasSize(ListQuery.MAX_SEARCH);
        assertThat(query.offset()).isEqualTo(ListQuery.MAX_SIZE);
    }

    @Test
    void aPageKnowsItsRowsAndItsNeighbours() {
        PageResult<String> page = new PageResult<>(List.of("a", "b"), 42, new ListQuery("", "created", true, 3, 20));
        assertThat(page.pages()).isEqualTo(3);
        assertThat(page.firstRow()).isEqualTo(41);
        assertThat(page.lastRow()).isEqualTo(42);
        assertThat(page.hasPrevious()).isTrue();
        assertThat(page.hasNext()).isFalse();
        assertThat(page.window(7)).containsExactly(1, 2, 3);
        PageResult<String> empty = new PageResult<>(List.of(), 0, ListQuery.first(SORTING));
        assertThat(empty.pages()).isEqualTo(1);
        assertThat(empty.firstRow()).isZero();
    }

    @Test
    void likeWildcardsInTheSearchAreLiteral() {
        assertThat(PagedQuery.escapeLike("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
    }
}
