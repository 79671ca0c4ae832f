# Least privilege. The dynamic group matches CostSync's VM alone (by instance OCID, never a whole compartment); the
# policy lets it read the bling reports (cross-tenancy endorse), read exactly the two AWS-key secrets, publish to the
# alert topic's compartment, read the artifact bucket and post its own metrics (namespace costsync only). It lives in the
# root compartment: `define` and `endorse` must. Add statements to local.policy_statements.
locals {
  # Oracle's tenancy that publishes the cost and usage reports in realm oc1.
  usage_report_tenancy = "ocid1.tenancy.oc1..aaaaaaaaned4fkpkisbwjlr56u7cj63lf3wffbilvqknstgtvzub7vhqkggq"
  dynamic_group        = oci_identity_dynamic_group.costsync.name

  policy_statements = [
    "define tenancy usage-report as ${local.usage_report_tenancy}",
    "endorse dynamic-group ${local.dynamic_group} to read objects in tenancy usage-report",
    "allow dynamic-group ${local.dynamic_group} to read secret-bundles in compartment id ${local.compartment_id} where any {target.secret.id = '${oci_vault_secret.aws_access_key_id.id}', target.secret.id = '${oci_vault_secret.aws_secret_access_key.id}'}",
    # OCI's Notifications policy reference documents no topic variable to narrow this to the one topic.
    "allow dynamic-group ${local.dynamic_group} to use ons-topics in compartment id ${local.compartment_id}",
    "allow dynamic-group ${local.dynamic_group} to read objects in compartment id ${local.compartment_id} where target.bucket.name = '${oci_objectstorage_bucket.artifacts.name}'",
    # PostMetricData of CostSync's run metrics (the dead-man's switch in monitoring.tf watches them), in its namespace only.
    "allow dynamic-group ${local.dynamic_group} to use metrics in compartment id ${local.compartment_id} where target.metrics.namespace = '${local.metrics_namespace}'",
  ]
}

resource "oci_identity_dynamic_group" "costsync" {
  compartment_id = var.tenancy_ocid
  name           = "${var.name_prefix}-instance"
  description    = "CostSync's VM, and nothing else (matched by its instance OCID)"
  matching_rule  = "ALL {instance.id = '${oci_core_instance.costsync.id}'}"
  freeform_tags  = var.freeform_tags
}

resource "oci_identity_policy" "costsync" {
  compartment_id = var.tenancy_ocid
  name           = "${var.name_prefix}-instance"
  description    = "CostSync: read bling, its two AWS-key secrets, publish alerts, read its artifacts, post its metrics"
  statements     = local.policy_statements
  freeform_tags  = var.freeform_tags
}
