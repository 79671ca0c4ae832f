# Alerts: CostSync publishes failures, recoveries and stale-report warnings to this topic. OCI e-mails a confirmation
# link to alert_email first; nothing is delivered until it is clicked.
resource "oci_ons_notification_topic" "alerts" {
  compartment_id = local.compartment_id
  name           = "${var.name_prefix}-alerts"
  description    = "CostSync alerts: failed runs, recoveries, stale reports"
  freeform_tags  = var.freeform_tags
}

resource "oci_ons_subscription" "email" {
  compartment_id = local.compartment_id
  topic_id       = oci_ons_notification_topic.alerts.id
  protocol       = "EMAIL"
  endpoint       = var.alert_email
  freeform_tags  = var.freeform_tags
}
