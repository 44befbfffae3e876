package org.safereg.system;

import java.util.Collection;

/**
 * A page of row ids written into a statement as numbers, for {@code IN (${ids})} in a mapper.
 *
 * <p>Bound one parameter each, a page of 2,000 ids used in five aggregates is 10,000 parameters: MyBatis evaluates
 * and maps every one, and Connector/J prepares a statement of 10,000 placeholders on the server for every page
 * (too long for its statement cache); in a profile of a run split by city that was most of what the thread reading
 * the pages did. Written as numbers, the list costs one string per page. Only {@code long} values can be in it,
 * so nothing a caller sends reaches the statement's text.
 */
public final class IdList {

    private final String numbers;

    private IdList(String numbers) {
        this.numbers = numbers;
    }

    /** @throws IllegalArgumentException for no ids ({@code IN ()} is not SQL) */
    public static IdList of(Collection<Long> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("an id list needs at least one id");
        }
        StringBuilder numbers = new StringBuilder(ids.size() * 8);
        for (long id : ids) {
            if (!numbers.isEmpty()) {
                numbers.append(',');
            }
            numbers.append(id);
        }
        return new IdList(numbers.toString());
    }

    /** The ids, comma-separated: what {@code ${ids}} writes into the statement. */
    @Override
    public String toString() {
        return numbers;
    }
}
