package io.hookline.testkit.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Generates malformed and hostile requests for a list of endpoints, each in one category: broken JSON, wrong types,
 * huge numbers, huge durations and instants, deep nesting, control characters, bad UTF-8, oversized headers, path
 * tricks, hostile ids, wrong content types, bad credentials and odd methods. Request {@code n} goes to endpoint
 * {@code n mod endpoints} in category {@code (n / endpoints) mod categories}, so every pair is tried evenly; the
 * choices within a category come from a seeded {@link Random}, so a run can be repeated exactly.
 */
public final class HostileRequests {

    private static final List<String> BROKEN_JSON = List.of("{", "}", "[", "{\"name\":}", "{\"name\" \"x\"}",
            "{\"name\":\"x\",}", "[1,2,", "nul", "tru", "{'name':'x'}", "{\"a\":1}{\"b\":2}", "{} trailing",
            "{\"a\":1,\"a\":2}", "\"just a string\"", "42", "null", "true", "[]", "{}", "", " ", "\uFEFF{}",
            "{\"name\":\"unterminated}", "{\"x\":NaN}", "{\"x\":Infinity}", "{\"x\":-}", "{\"x\":01}", "{\"x\":.5}",
            "{\"x\":1.}", "{\"x\":0x1F}", "/* c */ {}", "{\"x\":\"\\u12\"}", "{\"x\":\"\\q\"}", "[{]}", ":::",
            "{\"name\":\"x\"", "<xml/>", "name=x&url=y");
    private static final List<String> WRONG_TYPES = List.of("123", "-1", "0", "true", "false", "null", "[]", "{}",
            "[1,2,3]", "{\"a\":1}", "\"\"", "\"x\"", "\" \"", "3.14", "[null]", "[[]]", "[{}]", "\"true\"", "\"123\"",
            "[\"a\",1,true,null]", "{\"field\":\"data.x\",\"op\":\"eq\"}", "\"" + "x".repeat(5000) + "\"");
    private static final List<String> HUGE_NUMBERS = List.of("9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "2147483648", "-2147483649", "1e309", "-1e309", "1e-400", "4.9e-324",
            "1.7976931348623157e308", "99999999999999999999999999999999999999999999", "1" + "0".repeat(2000),
            "0.000000000000000000000000000000000000001", "-0", "1E+2147483647", "123456789012345678901234567890.5");
    private static final List<String> HUGE_QUERY_VALUES = List.of("9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "2147483648", "-1", "0", "1e9", "99999999999999999999999", "NaN", "Infinity",
            "0x10", "1.5", "+1", "%2B1", "1" + "0".repeat(500));
    private static final List<String> DURATIONS = List.of("PT9223372036854775807S", "PT-9223372036854775808S",
            "PT9223372036854775808S", "P106751991167300D", "P106751991167301D", "P999999999D", "999999999d",
            "999999999999d", "2147483648h", "-PT1S", "PT-1S", "P0D", "PT0S", "0s", "-1h", "1y", "P1Y", "P1M", "1w",
            "PT1H30", "PT", "P", "1 h", "1hh", "h", "d", "PT1.9999999999S", "PT0.000000001S", "P-106751991167300D",
            "+1000000000-12-31T23:59:59.999999999Z", "-1000000000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
            "2026-13-45T25:61:61Z", "2026-11-28T10:00:00", "2026-11-28T10:00:00+99:00", "now", "yesterday", "");
    private static final List<String> TIME_PARAMETERS = List.of("since", "window", "from", "to");
    private static final List<String> CONTROL_CHARACTERS = List.of("\u0000", "\u0001", "\u0007", "\b", "\t", "\n",
            "\r", "\r\n", "\u000b", "\u000c", "\u001b[31m", "\u007f", "\u0085", "\u2028", "\u2029", "\u202e",
            "\ufeff", "\uffff", "\ud800", "\udfff");
    private static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
    private static final List<String> BAD_PERCENT = List.of("%C3%28", "%FF", "%ED%A0%80", "%C0%AF", "%E2%82",
            "%80", "%", "%2", "%zz", "%%", "%00", "%0d%0a", "%u0041", "%25%32%65");
    private static final List<String> PATH_TRICKS = List.of("/../tokens", "/..%2ftokens", "/%2e%2e/tokens",
            "/%2e%2e%2f%2e%2e/openapi.yml", "/.", "/..", "//", "///", "/./", ";jsessionid=1", ";a=b/x", "/%2F",
            "%2F..%2F", "/x%2Fy", "/x%5Cy", "\\..\\tokens", "/~", "/*", "/x?", "/x#frag", "?&&&=&=", "/%20",
            "/x%20y", "/x+y", "/%09", "/" + "a".repeat(3000), "/" + "a/".repeat(500), "/.%00.", "/x%00",
            "/%c0%ae%c0%ae/tokens", "/..;/tokens", "/.json", "/index.html", "/x/y/z/w");
    private static final List<String> HOSTILE_IDS = List.of("' OR '1'='1", "1; DROP TABLE webhooks",
            "<script>x</script>", "${jndi:ldap://x/a}", "{{7*7}}", "%{7*7}", "../../etc/passwd", "\u00e9\u00e8",
            "\ud83d\ude00", "\u202e\u0041",
            "x".repeat(10_000), "WH" + "0".repeat(100), "null", "undefined", "-1", "0", "NaN", " ", "id with space",
            "\u0000", "tok_x", "a:b", "a@b", "a|b", "a\"b", "a'b", "a`b");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
            "application/json; charset=ebcdic", "application/json; charset=", "application/json;;;", "*/*", "json",
            "application/", "/json", "application/json, text/plain", "application/octet-stream", "",
            "application/problem+json", "application/cloudevents+json", "application/json\u0000",
            "x".repeat(5000));
    private static final List<String> BAD_AUTH = List.of("", "Bearer", "Bearer ", "Bearer  ", "bearer x", "Basic eDp5",
            "Bearer hkl_" + "a".repeat(10_000), "Bearer \u00e9\u00e8", "Token x", "Bearer x y z", "Bearer\tx",
            "Bearer null", "Bearer undefined", "Digest username=x", "Bearer test-admin-token-x", "Bearer %00");
    private static final List<String> METHODS = List.of("TRACE", "OPTIONS", "HEAD", "PROPFIND", "FOO", "GET", "POST",
            "PUT", "PATCH", "DELETE", "CONNECT", "get", "M-SEARCH");
    private static final List<String> COMMON_FIELDS = List.of("name", "url", "event_type", "data", "scopes");

    private final List<Endpoint> endpoints;
    private final String id;
    private final Random random;
    private final List<BiFunction<HostileRequests, Endpoint, FuzzRequest>> categories = List.of(
            HostileRequests::brokenJson, HostileRequests::wrongTypes, HostileRequests::hugeNumbers,
            HostileRequests::hugeDurations, HostileRequests::deepNesting, HostileRequests::controlCharacters,
            HostileRequests::badUtf8, HostileRequests::oversizedHeaders, HostileRequests::pathTricks,
            HostileRequests::hostileIds, HostileRequests::contentTypes, HostileRequests::badCredentials,
            HostileRequests::oddMethods);

    /** {@code id} is put where a path has {@code {id}} unless the endpoint or a category puts something else there. */
    public HostileRequests(List<Endpoint> endpoints, String id, long seed) {
        this.endpoints = List.copyOf(endpoints);
        this.id = id;
        this.random = new Random(seed);
    }

    /** The {@code n}th request of the run. */
    public FuzzRequest request(int n) {
        Endpoint endpoint = endpoints.get(n % endpoints.size());
        return categories.get((n / endpoints.size()) % categories.size()).apply(this, endpoint);
    }

    private String path(Endpoint endpoint) {
        return endpoint.pathWith(id);
    }

    private FuzzRequest brokenJson(Endpoint endpoint) {
        String body = random.nextBoolean() ? pick(BROKEN_JSON) : randomText(200);
        return FuzzRequest.of("bad-json", endpoint, path(endpoint), utf8(body));
    }

    private FuzzRequest wrongTypes(Endpoint endpoint) {
        if (!endpoint.hasBody()) {
            return queryValue("wrong-types", endpoint, pick(List.of("abc", "true", "[]", "{}", "1,2", "null", "",
                    "x".repeat(3000))));
        }
        String value = pick(WRONG_TYPES);
        StringBuilder body = new StringBuilder("{");
        int fields = 1 + random.nextInt(4);
        for (int i = 0; i < fields; i++) {
            body.append(i > 0 ? "," : "").append('"').append(pick(endpoint.bodyFields())).append("\":").append(value);
        }
        return FuzzRequest.of("wrong-types", endpoint, path(endpoint), utf8(body + "}"));
    }

    private FuzzRequest hugeNumbers(Endpoint endpoint) {
        if (!endpoint.hasBody()) {
            return queryValue("huge-numbers", endpoint, pick(HUGE_QUERY_VALUES));
        }
        return FuzzRequest.of("huge-numbers", endpoint, path(endpoint) + "?page=" + pick(HUGE_QUERY_VALUES),
                utf8("{\"" + pick(endpoint.bodyFields()) + "\":" + pick(HUGE_NUMBERS) + "}"));
    }

    private FuzzRequest hugeDurations(Endpoint endpoint) {
        String name = pick(endpoint.queryNames().isEmpty() ? TIME_PARAMETERS : endpoint.queryNames());
        return FuzzRequest.of("huge-durations", endpoint, path(endpoint) + "?" + name + "=" + encode(pick(DURATIONS)),
                endpoint.hasBody() ? utf8("{\"disable_after_failing\":\"" + pick(DURATIONS) + "\"}") : null);
    }

    private FuzzRequest deepNesting(Endpoint endpoint) {
        int depth = pick(List.of(64, 200, 999, 1001, 5_000, 20_000));
        List<IntFunction<String>> shapes = List.of(
                d -> "[".repeat(d) + "]".repeat(d),
                d -> "{\"a\":".repeat(d) + "1" + "}".repeat(d),
                d -> "{\"filter\":" + "{\"not\":".repeat(d) + "{\"field\":\"type\",\"op\":\"exists\"}"
                        + "}".repeat(d) + "}",
                d -> "{\"data\":" + "[{\"x\":".repeat(d) + "0" + "}]".repeat(d) + "}",
                d -> "[".repeat(d));
        return FuzzRequest.of("deep-nesting", endpoint, path(endpoint), utf8(pick(shapes).apply(depth)));
    }

    private FuzzRequest controlCharacters(Endpoint endpoint) {
        String character = pick(CONTROL_CHARACTERS);
        String name = pick(endpoint.hasBody() ? endpoint.bodyFields() : COMMON_FIELDS);
        String value = random.nextBoolean() ? escapeJson("x" + character + "y") : "x" + character + "y";
        String target = random.nextBoolean() ? path(endpoint) + encode(character)
                : path(endpoint) + "?q=" + encode(character) + "&" + encode(character) + "=1";
        return FuzzRequest.of("control-chars", endpoint, target, utf8("{\"" + name + "\":\"" + value + "\"}"));
    }

    private FuzzRequest badUtf8(Endpoint endpoint) {
        byte[] bytes = pick(BAD_UTF8);
        String percent = pick(BAD_PERCENT);
        String path = path(endpoint);
        FuzzRequest request = FuzzRequest.of("bad-utf8", endpoint, path,
                concat(utf8("{\"name\":\""), bytes, utf8("\"}")));
        return switch (random.nextInt(4)) {
            case 0 -> request;
            case 1 -> request.withTarget(concat(FuzzRequest.ascii(path + "/"), bytes));
            case 2 -> request.withTarget(FuzzRequest.ascii(path + percent));
            default -> request.withTarget(FuzzRequest.ascii(path + "?since=" + percent + "&page=" + percent));
        };
    }

    private FuzzRequest oversizedHeaders(Endpoint endpoint) {
        int size = pick(List.of(4_000, 8_191, 8_193, 16_000, 65_000, 200_000));
        String name = pick(List.of("X-Padding", "Authorization", "Content-Type", "Cookie", "Accept", "If-Match",
                "many"));
        FuzzRequest request = FuzzRequest.of("oversized-headers", endpoint, path(endpoint), utf8("{}"));
        if (name.equals("many")) {
            for (int i = 0; i < size / 100; i++) {
                request = request.withHeader("X-Many-" + i, "v");
            }
            return request;
        }
        return request.withHeader(name, (name.equals("Authorization") ? "Bearer " : "") + "a".repeat(size));
    }

    private FuzzRequest pathTricks(Endpoint endpoint) {
        return FuzzRequest.of("path-tricks", endpoint, path(endpoint) + pick(PATH_TRICKS),
                endpoint.hasBody() ? utf8("{}") : null);
    }

    private FuzzRequest hostileIds(Endpoint endpoint) {
        String hostile = random.nextBoolean() ? pick(HOSTILE_IDS) : randomText(80);
        if (hostile.isEmpty()) {
            hostile = "\u0000";
        }
        String target = endpoint.path().contains("{id}") ? endpoint.path().replace("{id}", encode(hostile))
                : path(endpoint) + "?page=" + encode(hostile);
        return FuzzRequest.of("hostile-ids", endpoint, target,
                endpoint.hasBody() ? utf8("{\"name\":\"" + escapeJson(hostile) + "\"}") : null);
    }

    private FuzzRequest contentTypes(Endpoint endpoint) {
        return FuzzRequest.of("content-types", endpoint, path(endpoint), utf8(pick(BROKEN_JSON)))
                .withHeader("Content-Type", pick(CONTENT_TYPES));
    }

    private FuzzRequest badCredentials(Endpoint endpoint) {
        return FuzzRequest.of("bad-credentials", endpoint, path(endpoint), endpoint.hasBody() ? utf8("{}") : null)
                .withHeader("Authorization", pick(BAD_AUTH));
    }

    private FuzzRequest oddMethods(Endpoint endpoint) {
        FuzzRequest request = FuzzRequest.of("odd-methods", endpoint, path(endpoint), utf8("{}"))
                .withMethod(pick(METHODS));
        return random.nextBoolean() ? request.withHeader("X-HTTP-Method-Override", "DELETE") : request;
    }

    private FuzzRequest queryValue(String category, Endpoint endpoint, String value) {
        List<String> names = new ArrayList<>(endpoint.queryNames());
        names.addAll(List.of("page", "page_size"));
        return FuzzRequest.of(category, endpoint, path(endpoint) + "?" + pick(names) + "=" + encode(value), null);
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** Any UTF-16 code units, unpaired surrogates and control characters included. */
    private String randomText(int maxLength) {
        char[] chars = new char[random.nextInt(maxLength + 1)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = random.nextInt(4) == 0 ? (char) random.nextInt(0x20) : (char) random.nextInt(0x10000);
        }
        return new String(chars);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String escapeJson(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
