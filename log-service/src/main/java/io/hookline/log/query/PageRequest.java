package io.hookline.log.query;

/** A page of a list, numbered from 1 (CONTRACT.md section 5). */
public record PageRequest(int page, int pageSize) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 1) {
            throw new IllegalArgumentException("page must be at least 1");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw new IllegalArgumentException("page_size must be between 1 and " + MAX_SIZE);
        }
    }

    long offset() {
        return (long) (page - 1) * pageSize;
    }
}
