{{/* The environment of one service's container; call with (dict "root" $ "key" "config" "svc" <hookline.services entry>). */}}
{{- define "hookline.env" -}}
{{- $root := .root -}}
{{- $values := index $root.Values .key -}}
{{- $prefix := $root.Values.kafka.topicPrefix -}}
- name: {{ .svc.portEnv }}
  value: {{ int64 $values.port | quote }}
- name: HOOKLINE_LOCAL_MODE
  value: "false"
- name: HOOKLINE_KAFKA_BOOTSTRAP_SERVERS
  value: {{ include "hookline.kafkaBootstrapServers" $root | quote }}
- name: HOOKLINE_TOPIC_PREFIX
  value: {{ $prefix | quote }}
- name: HOOKLINE_KAFKA_PARTITIONS
  value: {{ int64 $root.Values.kafka.partitions | quote }}
- name: HOOKLINE_KAFKA_REPLICATION_FACTOR
  value: {{ int64 $root.Values.kafka.replicationFactor | quote }}
- name: HOOKLINE_KAFKA_MIN_INSYNC_REPLICAS
  value: {{ int64 $root.Values.kafka.minInsyncReplicas | quote }}
- name: HOOKLINE_KAFKA_CREATE_TOPICS
  value: {{ and $root.Values.kafka.createTopics (not $root.Values.strimzi.enabled) | quote }}
- name: HOOKLINE_EVENTS_MAX_BYTES
  value: {{ int64 $root.Values.kafka.eventsMaxBytes | quote }}
{{- range $name, $value := $root.Values.kafka.properties }}
- name: {{ include "hookline.kafkaPropertyEnv" $name }}
  value: {{ $value | quote }}
{{- end }}
{{- range $name, $ref := $root.Values.kafka.secretProperties }}
- name: {{ include "hookline.kafkaPropertyEnv" $name }}
  valueFrom:
    secretKeyRef: {name: {{ $ref.secretName | quote }}, key: {{ $ref.key | quote }}}
{{- end }}
{{- if $root.Values.strimzi.enabled }}
{{- if not (hasKey $root.Values.kafka.properties "security.protocol") }}
- name: {{ include "hookline.kafkaPropertyEnv" "security.protocol" }}
  value: SASL_SSL
{{- end }}
{{- if not (hasKey $root.Values.kafka.properties "sasl.mechanism") }}
- name: {{ include "hookline.kafkaPropertyEnv" "sasl.mechanism" }}
  value: SCRAM-SHA-512
{{- end }}
{{- if not (hasKey $root.Values.kafka.properties "ssl.truststore.type") }}
- name: {{ include "hookline.kafkaPropertyEnv" "ssl.truststore.type" }}
  value: PEM
{{- end }}
{{- if not (hasKey $root.Values.kafka.properties "ssl.truststore.location") }}
- name: {{ include "hookline.kafkaPropertyEnv" "ssl.truststore.location" }}
  value: /etc/hookline/kafka-ca/ca.crt
{{- end }}
{{- if not (hasKey $root.Values.kafka.secretProperties "sasl.jaas.config") }}
# Strimzi's User Operator writes the service's SCRAM login, ready for Kafka clients, into the KafkaUser's Secret.
- name: {{ include "hookline.kafkaPropertyEnv" "sasl.jaas.config" }}
  valueFrom:
    secretKeyRef: {name: {{ include "hookline.kafkaUser" (dict "root" $root "module" .svc.module) | quote }}, key: sasl.jaas.config}
{{- end }}
{{- end }}
{{- if or (eq .key "config") (eq .key "log") }}
- name: HOOKLINE_ADMIN_TOKEN
  valueFrom:
    secretKeyRef: {name: {{ include "hookline.secretName" $root | quote }}, key: HOOKLINE_ADMIN_TOKEN}
{{- end }}
{{- if or (eq .key "config") (eq .key "dispatcher") }}
- name: HOOKLINE_SECRETS_KEY
  valueFrom:
    secretKeyRef: {name: {{ include "hookline.secretName" $root | quote }}, key: HOOKLINE_SECRETS_KEY}
- name: HOOKLINE_SECRETS_KEYS
  valueFrom:
    secretKeyRef: {name: {{ include "hookline.secretName" $root | quote }}, key: HOOKLINE_SECRETS_KEYS, optional: true}
{{- with $root.Values.egress }}
{{- if .proxySecret.name }}
- name: HOOKLINE_DISPATCHER_PROXY
  valueFrom:
    secretKeyRef: {name: {{ .proxySecret.name | quote }}, key: {{ required "egress.proxySecret.key is required with egress.proxySecret.name" .proxySecret.key | quote }}}
{{- else if .proxy }}
- name: HOOKLINE_DISPATCHER_PROXY
  value: {{ .proxy | quote }}
{{- end }}
{{- if .ips }}
- name: HOOKLINE_DISPATCHER_EGRESS_IPS
  value: {{ join "," .ips | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if eq .key "config" }}
# config-service answers GET /api/v1/webhooks/{id}/responses (OnCall clients use one base URL) by asking log-service.
- name: HOOKLINE_LOG_SERVICE_URL
  value: {{ printf "http://%s-log-service:%d" (include "hookline.fullname" $root) (int64 $root.Values.log.port) | quote }}
{{- end }}
{{- if eq .key "matcher" }}
- name: HOOKLINE_MATCHER_APPLICATION_ID
  value: hookline-matcher
- name: HOOKLINE_MATCHER_STATE_DIR
  value: /state
{{- end }}
{{- if eq .key "dispatcher" }}
# Prefixed like every other Kafka name, so that installations sharing a cluster keep apart.
- name: HOOKLINE_DISPATCHER_GROUP_ID
  value: {{ printf "%shookline-dispatcher" $prefix | quote }}
{{- end }}
{{- if eq .key "log" }}
- name: POD_NAME
  valueFrom:
    fieldRef: {fieldPath: metadata.name}
- name: POD_NAMESPACE
  valueFrom:
    fieldRef: {fieldPath: metadata.namespace}
- name: HOOKLINE_LOG_STATE_DIR
  value: /state
- name: HOOKLINE_LOG_STANDBY_REPLICAS
  value: {{ int64 $values.standbyReplicas | quote }}
- name: HOOKLINE_LOG_RETENTION
  value: {{ $values.retention | quote }}
# Instances forward queries to the owner of the data by this name (Kafka Streams application.server).
- name: HOOKLINE_LOG_ADVERTISED_HOST
  value: {{ printf "$(POD_NAME).%s-%s-headless.$(POD_NAMESPACE).svc" (include "hookline.fullname" $root) .svc.module | quote }}
{{- end }}
{{- range $name, $value := $root.Values.extraEnv }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- range $name, $value := $values.extraEnv }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}
