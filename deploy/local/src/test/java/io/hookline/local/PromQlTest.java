package io.hookline.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void shouldFindTheMetricsOfAHistogramQuantileButNotItsFunctionsLabelsOrRange() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (le) "
                + "(rate(hookline_dispatcher_e2e_latency_seconds_bucket{job=~\"a|b\"}[$__rate_interval])))"))
                .containsExactly("hookline_dispatcher_e2e_latency_seconds_bucket");
    }

    @Test
    void shouldFindBothSidesOfABinaryExpressionAndABareName() {
        assertThat(PromQl.metricNames("sum(rate(a_total{outcome=\"succeeded\"}[15m])) / sum(rate(b_total[15m])) "
                + "< 0.9 and on (job) up == 0 or 1e-9 > c"))
                .containsExactly("a_total", "b_total", "up", "c");
    }

    @Test
    void shouldIgnoreLabelValuesThatLookLikeNamesAndSubqueries() {
        assertThat(PromQl.metricNames("absent(up{job=~\".*dispatcher-service.*\"} == 1) "
                + "and deriv(sum by (topic) (lag{topic=~\"x(y)\"})[10m:1m]) > 0 unless without (a, b) (k)"))
                .containsExactly("up", "lag", "k");
    }
}
