# The dead-man's switch. CostSync posts its run metrics to OCI Monitoring after every run (CostSync:Metrics:OciMonitoring,
# set in deploy/cloud-init/appsettings.json.tftpl), and this alarm, evaluated by OCI Monitoring itself, e-mails the alert
# topic when no run has succeeded for dead_man_alarm_hours: the VM is stopped, the service is dead, crash-looping or
# disabled, it cannot reach OCI Monitoring, or every run fails. No CostSync process has to be alive for it to fire.
#
# Two rules, each evaluated on its own (the first that holds decides):
#   - base: absence. No last_run_status datapoint in the window: nothing ran, or nothing could post. absent(72h) keeps
#     reporting a silent host for three days, OCI's longest absence detection period.
#   - runs_failing: every run in the window reported last_run_status 1 (partially failed) or 2 (failed).
# The alarm arms with the first posted run (groupBy(host): a host that never posted has no stream to miss).
locals {
  metrics_namespace = "costsync"
  dead_man_window   = "${var.dead_man_alarm_hours}h"

  # The hours between runs of a "<minute> */N * * *" schedule (null for other forms, which are not checked).
  schedule_every_hours = try(tonumber(regex("^[0-9]+ \\*/([0-9]+) \\* \\* \\*$", var.schedule_cron)[0]), null)
}

resource "oci_monitoring_alarm" "dead_man" {
  compartment_id        = local.compartment_id
  metric_compartment_id = local.compartment_id
  namespace             = local.metrics_namespace
  display_name          = "${var.name_prefix}-no-successful-run"
  is_enabled            = true
  severity              = "CRITICAL"
  destinations          = [oci_ons_notification_topic.alerts.id]
  message_format        = "ONS_OPTIMIZED"
  resolution            = "1m"
  pending_duration      = "PT5M"

  # Once a day while it lasts, like CostSync's own alerts (Alerts:RepeatEvery).
  repeat_notification_duration = "PT24H"

  query = "last_run_status[${local.dead_man_window}].groupBy(host).absent(72h)"
  body  = "CostSync has posted no run metrics for ${var.dead_man_alarm_hours} hours: the VM is stopped, the costsync service is dead, crash-looping or disabled, or it cannot reach OCI Monitoring. On the VM: sudo systemctl status costsync; sudo journalctl -u costsync -n 200; sudo -u costsync /opt/costsync/current/CostSync doctor."

  overrides {
    rule_name        = "runs_failing"
    query            = "last_run_status[${local.dead_man_window}].groupBy(host).min() > 0"
    severity         = "CRITICAL"
    pending_duration = "PT5M"
    body             = "No CostSync run has succeeded for ${var.dead_man_alarm_hours} hours: every run failed or partially failed. The per-run alert e-mails name the objects and causes; on the VM: sudo journalctl -u costsync -n 200; sudo -u costsync /opt/costsync/current/CostSync doctor."
  }

  freeform_tags = var.freeform_tags

  lifecycle {
    precondition {
      condition     = local.schedule_every_hours == null || var.dead_man_alarm_hours >= 2 * coalesce(local.schedule_every_hours, 0)
      error_message = "dead_man_alarm_hours = ${var.dead_man_alarm_hours} is shorter than two intervals of schedule_cron = \"${var.schedule_cron}\": the alarm would fire between healthy runs. Set dead_man_alarm_hours to at least twice the hours between runs."
    }
  }
}
