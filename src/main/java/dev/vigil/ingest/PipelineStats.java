package dev.vigil.ingest;

import java.util.Map;

/**
 * What the indexing pipeline has done since start.
 *
 * @param indexed          events added to the store
 * @param parseErrors      of those, events stored with a parse error
 * @param parseErrorsByConnector parse errors per connector
 * @param indexedByConnector events per connector
 * @param indexedSequence  the last spool sequence added to the store (searchable within a second)
 * @param durableSequence  the last spool sequence committed in the store (survives a crash without replay)
 * @param indexLagMillis   how long the last indexed event waited between receipt and indexing
 */
public record PipelineStats(long indexed, long parseErrors, Map<String, Long> parseErrorsByConnector,
                            Map<String, Long> indexedByConnector, long indexedSequence, long durableSequence,
                            long indexLagMillis) {
}
