{{/*
Every topic of the catalogue (contracts: TopicCatalog), without prefix: partitions ("all" = kafka.partitions),
cleanup, and retention.ms of the deleted ones. KafkaTopicsTest compares the rendered KafkaTopics with
TopicCatalog.all(...), so a topic added there fails the build until it is added here.
*/}}
{{- define "hookline.topics" -}}
- {name: domain-events, partitions: all, retentionMs: "604800000"}
- {name: domain-events-dlq, partitions: "1", retentionMs: "1209600000"}
- {name: webhook-config, partitions: "1", compact: true}
- {name: api-tokens, partitions: "1", compact: true}
- {name: webhook-subscriptions, partitions: "1", compact: true}
- {name: dispatcher-subject-holds, partitions: "1", compact: true}
- {name: dispatcher-mail-log, partitions: "1", compact: true}
- {name: dispatcher-failing-since, partitions: "1", compact: true}
- {name: webhook-deliveries, partitions: all, retentionMs: "604800000"}
{{- /* A retry topic keeps its records for its delay plus 7 days, for an outage of the dispatcher. */}}
- {name: webhook-deliveries-retry-10s, partitions: all, retentionMs: "604810000"}
- {name: webhook-deliveries-retry-1m, partitions: all, retentionMs: "604860000"}
- {name: webhook-deliveries-retry-10m, partitions: all, retentionMs: "605400000"}
- {name: webhook-deliveries-retry-1h, partitions: all, retentionMs: "608400000"}
- {name: webhook-deliveries-retry-3h, partitions: all, retentionMs: "615600000"}
- {name: webhook-deliveries-retry-6h, partitions: all, retentionMs: "626400000"}
- {name: webhook-deliveries-retry-12h, partitions: all, retentionMs: "648000000"}
- {name: webhook-deliveries-retry-24h, partitions: all, retentionMs: "691200000"}
- {name: webhook-deliveries-dlq, partitions: all, retentionMs: "1209600000"}
- {name: webhook-delivery-log, partitions: all, retentionMs: "2592000000"}
- {name: webhook-operational-events, partitions: all, retentionMs: "2592000000"}
- {name: webhook-responses, partitions: all, retentionMs: "604800000"}
{{- end -}}

{{/*
What each service does on Kafka, read from its code: topics it reads (Read) and writes (Write), its consumer group,
its Kafka Streams application id (internal topics, group and transactional ids all start with it) and the
transactional id of the config writer. Names are without prefix; "prefix: true" matches every name starting so.
*/}}
{{- define "hookline.kafkaAccess" -}}
config-service:
  read: [webhook-config, api-tokens, webhook-delivery-log, webhook-subscriptions]
  write: [webhook-config, api-tokens, domain-events, webhook-deliveries, webhook-subscriptions]
  transactionalIds: [hookline-config-writer]
matcher-service:
  read: [domain-events, webhook-operational-events, webhook-config, api-tokens, webhook-subscriptions]
  write: [webhook-deliveries, webhook-deliveries-dlq, domain-events-dlq, webhook-delivery-log, webhook-subscriptions]
  streamsApplicationId: hookline-matcher
dispatcher-service:
  read: [webhook-deliveries, webhook-deliveries-retry-, webhook-config, api-tokens, dispatcher-subject-holds, dispatcher-mail-log, dispatcher-failing-since]
  write: [webhook-deliveries, webhook-deliveries-retry-, webhook-deliveries-dlq, webhook-delivery-log, webhook-operational-events, webhook-responses, webhook-config, dispatcher-subject-holds, dispatcher-mail-log, dispatcher-failing-since]
  group: hookline-dispatcher
  transactionalIds: [hookline-config-writer]
log-service:
  read: [webhook-delivery-log, webhook-operational-events, webhook-config, api-tokens]
  write: [webhook-deliveries]
  streamsApplicationId: hookline-log
{{- end -}}
