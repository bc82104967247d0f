{{/* The release's name for its objects, without repeating the chart's name. */}}
{{- define "hookline.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The four services: key in values, module name (image and container name), workload kind. */}}
{{- define "hookline.services" -}}
config: {module: config-service, kind: Deployment, portEnv: HOOKLINE_CONFIG_PORT, api: true}
matcher: {module: matcher-service, kind: StatefulSet, portEnv: HOOKLINE_MATCHER_PORT, api: false}
dispatcher: {module: dispatcher-service, kind: Deployment, portEnv: HOOKLINE_DISPATCHER_PORT, api: false}
log: {module: log-service, kind: StatefulSet, portEnv: HOOKLINE_LOG_PORT, api: true}
{{- end -}}

{{- define "hookline.labels" -}}
app.kubernetes.io/name: hookline
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one service; call with (dict "root" $ "module" "config-service"). */}}
{{- define "hookline.selectorLabels" -}}
app.kubernetes.io/name: hookline
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .module }}
{{- end -}}

{{- define "hookline.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "hookline.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The Secret with the admin token and the secrets key: one the user made, or the chart's from values. */}}
{{- define "hookline.secretName" -}}
{{- if .Values.secrets.existingSecret -}}
{{- .Values.secrets.existingSecret -}}
{{- else -}}
{{- include "hookline.fullname" . }}-secrets
{{- end -}}
{{- end -}}

{{/* Fails rendering unless the secrets come from somewhere real: a placeholder would encrypt webhooks with a known key. */}}
{{- define "hookline.requireSecrets" -}}
{{- if not .Values.secrets.existingSecret -}}
{{- if or (not .Values.secrets.adminToken) (not .Values.secrets.secretsKey) -}}
{{- fail "hookline: set secrets.adminToken and secrets.secretsKey (base64 of 32 random bytes: openssl rand -base64 32), or secrets.existingSecret naming a Secret with the keys HOOKLINE_ADMIN_TOKEN and HOOKLINE_SECRETS_KEY" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "hookline.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.repository .module (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{/* Kafka's client property name as the services read it from the environment: . is _, _ is __, - is ___. */}}
{{- define "hookline.kafkaPropertyEnv" -}}
{{- printf "HOOKLINE_KAFKA_PROPERTIES_%s" (. | replace "_" "__" | replace "-" "___" | replace "." "_" | upper) -}}
{{- end -}}

{{- define "hookline.kafkaBootstrapServers" -}}
{{- if .Values.kafka.bootstrapServers -}}
{{- .Values.kafka.bootstrapServers -}}
{{- else if .Values.strimzi.enabled -}}
{{- printf "%s-kafka-bootstrap:%d" .Values.strimzi.clusterName (int .Values.strimzi.tlsListenerPort) -}}
{{- else -}}
{{- fail "hookline: set kafka.bootstrapServers (host:port of the brokers), or strimzi.enabled to use a Strimzi cluster" -}}
{{- end -}}
{{- end -}}

{{/* The KafkaUser of one service, and so the name of the Secret Strimzi makes for it. */}}
{{- define "hookline.kafkaUser" -}}
{{- printf "%s-%s" (include "hookline.fullname" .root) .module -}}
{{- end -}}

{{/* Where the brokers' CA certificate comes from: the Strimzi cluster CA, or kafka.caSecret. */}}
{{- define "hookline.kafkaCaSecret" -}}
{{- if .Values.strimzi.enabled -}}
{{- printf "%s-cluster-ca-cert" .Values.strimzi.clusterName -}}
{{- else -}}
{{- .Values.kafka.caSecret.name -}}
{{- end -}}
{{- end -}}

{{- define "hookline.kafkaCaKey" -}}
{{- if .Values.strimzi.enabled -}}ca.crt{{- else -}}{{ .Values.kafka.caSecret.key }}{{- end -}}
{{- end -}}
