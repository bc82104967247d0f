package io.hookline.rules.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.contracts.json.Json;
import io.hookline.rules.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserTest {

    private final FilterParser parser = new FilterParser();

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "{\"field\":\"a\",\"op\":\"like\",\"value\":\"x\"}             | filter.op    | unknown operator",
        "{\"field\":\"a\",\"value\":\"x\"}                             | filter.op    | is required",
        "{\"op\":\"eq\",\"value\":\"x\"}                               | filter.field | is required",
        "{\"field\":\"a..b\",\"op\":\"eq\",\"value\":\"x\"}            | filter.field | empty segment",
        "{\"field\":\"a\",\"op\":\"in\",\"value\":\"x\"}               | filter.value | needs an array",
        "{\"field\":\"a\",\"op\":\"nin\"}                              | filter.value | needs an array",
        "{\"field\":\"a\",\"op\":\"eq\"}                               | filter.value | needs a value",
        "{\"field\":\"a\",\"op\":\"regex\",\"value\":\"(unclosed\"}    | filter.value | invalid regular expression",
        "{\"field\":\"a\",\"op\":\"gt\",\"value\":[1]}                 | filter.value | needs a number",
        "{\"field\":\"a\",\"op\":\"exists\",\"value\":\"yes\"}         | filter.value | true, false",
        "{\"field\":\"a\",\"op\":\"starts_with\",\"value\":{}}         | filter.value | needs a string",
        "{\"field\":\"a\",\"op\":\"eq\",\"value\":1,\"extra\":2}       | filter.extra | unknown key",
        "{\"all\":[]}                                                  | filter.all   | must not be empty",
        "{\"any\":{}}                                                  | filter.any   | must be an array",
        "{\"all\":[{}],\"any\":[]}                                     | filter       | exactly one of",
        "[1]                                                           | filter       | must be an object",
        "{\"any\":[{\"field\":\"a\",\"op\":\"eq\",\"value\":1},{\"not\":{\"field\":\"b\",\"op\":\"in\",\"value\":1}}]} | filter.any[1].not.value | needs an array"
    })
    void shouldReportEachProblemWithItsFieldPath(String filter, String field, String message) throws Exception {
        assertThatThrownBy(() -> parser.parse(json(filter)))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> assertThat(e.errors())
                        .anySatisfy(error -> {
                            assertThat(error.field()).isEqualTo(field);
                            assertThat(error.message()).contains(message);
                        }));
    }

    @Test
    void shouldReportAllProblemsAtOnce() throws Exception {
        var errors = parser.validate(json("""
                {"all": [{"field": "a", "op": "bogus", "value": 1}, {"field": "b", "op": "in", "value": 2}]}"""),
                "filter");
        assertThat(errors).extracting(FieldError::field).containsExactly("filter.all[0].op", "filter.all[1].value");
    }

    @Test
    void shouldAcceptNullAsNoFilter() throws Exception {
        assertThat(parser.parse(null)).isSameAs(Filter.ALWAYS);
        assertThat(parser.parse(json("null")).test(json("{}"))).isTrue();
    }

    @Test
    void shouldRefuseFiltersNestedTooDeeply() throws Exception {
        String deep = "{\"not\":".repeat(FilterParser.MAX_DEPTH + 2) + "{\"field\":\"a\",\"op\":\"exists\"}"
                + "}".repeat(FilterParser.MAX_DEPTH + 2);
        assertThat(parser.validate(json(deep), "filter")).isNotEmpty();
    }

    @Test
    void shouldEvaluateNestedGroupsAndArrayPaths() throws Exception {
        Filter filter = parser.parse(json("""
                {"all": [{"field": "data.alerts.labels.severity", "op": "eq", "value": "critical"},
                         {"not": {"field": "data.alerts.status", "op": "nin", "value": ["firing"]}},
                         {"field": "data.count", "op": "gte", "value": "10"}]}"""));

        assertThat(filter.test(json("""
                {"data": {"count": 12, "alerts": [{"status": "firing", "labels": {"severity": "warning"}},
                                                  {"status": "ok", "labels": {"severity": "critical"}}]}}""")))
                .isTrue();
        assertThat(filter.test(json("{\"data\": {\"count\": 9, \"alerts\": []}}"))).isFalse();
    }
}
