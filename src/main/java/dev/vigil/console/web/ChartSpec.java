package dev.vigil.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A chart for {@code /static/charts.js}: its type (bar, line, doughnut), the x labels, one or more series and
 * optionally one link per label (clicking a bar opens it). Rendered as JSON into a {@code data-chart} attribute, so the
 * pages need no inline script. Pure value.
 */
public record ChartSpec(String type, List<String> labels, List<Series> series, List<String> link) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ChartSpec {
        labels = List.copyOf(labels);
        series = List.copyOf(series);
        link = link == null ? null : List.copyOf(link);
        for (Series s : series) {
            if (s.data().size() != labels.size()) {
                throw new IllegalArgumentException("series '" + s.label() + "' has " + s.data().size()
                        + " values for " + labels.size() + " labels");
            }
        }
    }

    /** One named series of values, one per label. */
    public record Series(String label, List<Long> data) {
        public Series {
            data = List.copyOf(data);
        }
    }

    /** True when every value of every series is zero (the page shows "nothing yet" instead of an empty chart). */
    public boolean empty() {
        return series.stream().allMatch(s -> s.data().stream().allMatch(v -> v == 0));
    }

    /** The JSON the chart script reads. */
    public String json() {
        ObjectNode root = JSON.createObjectNode().put("type", type);
        ArrayNode l = root.putArray("labels");
        labels.forEach(l::add);
        ArrayNode s = root.putArray("series");
        for (Series one : series) {
            ArrayNode data = s.addObject().put("label", one.label()).putArray("data");
            one.data().forEach(data::add);
        }
        if (link != null) {
            ArrayNode links = root.putArray("link");
            link.forEach(links::add);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chart spec is always serialisable", e);
        }
    }
}
