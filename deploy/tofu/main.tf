# Names shared by every file: where things go (created or existing), which build is installed, what is placeholder.
locals {
  compartment_id     = var.create_compartment ? oci_identity_compartment.costsync[0].id : var.existing_compartment_id
  vcn_id             = var.create_vcn ? oci_core_vcn.costsync[0].id : var.existing_vcn_id
  subnet_id          = var.create_private_subnet ? oci_core_subnet.private[0].id : var.existing_subnet_id
  nat_gateway_id     = var.create_nat_gateway ? oci_core_nat_gateway.costsync[0].id : var.existing_nat_gateway_id
  service_gateway_id = var.create_service_gateway ? oci_core_service_gateway.costsync[0].id : var.existing_service_gateway_id
  vault_id           = var.create_vault ? oci_kms_vault.costsync[0].id : var.existing_vault_id
  vault_endpoint     = var.create_vault ? oci_kms_vault.costsync[0].management_endpoint : var.existing_vault_management_endpoint
  key_id             = var.create_key ? oci_kms_key.costsync[0].id : var.existing_key_id
  oracle_services    = data.oci_core_services.all.services[0]

  # Ampere (A1, A2, A4) shapes are arm64; the others x64. Exactly one pinned build.
  architecture    = length(regexall("^VM\\.Standard\\.A[0-9]", var.instance_shape)) > 0 ? "arm64" : "x64"
  artifact_dir    = var.artifact_dir != "" ? var.artifact_dir : "${path.module}/../../artifacts/package"
  artifact_name   = "costsync-${var.costsync_version}-linux-${local.architecture}.tar.gz"
  artifact_path   = "${local.artifact_dir}/${local.artifact_name}"
  artifact_sha256 = try(filesha256(local.artifact_path), "")

  # What the AWS-key secrets hold until the operator sets the real keys (CostSync recognises it: VaultPlaceholder.cs).
  vault_placeholder = "COSTSYNC-PLACEHOLDER-AWS-KEY-NOT-SET"

  # /etc/costsync/appsettings.json (deploy/cloud-init/appsettings.json.tftpl); variables' validations keep them JSON-safe.
  appsettings_vars = {
    s3_bucket              = var.s3_bucket
    s3_prefix              = var.s3_prefix
    s3_region              = var.s3_region
    include_tenancy_folder = var.include_tenancy_folder ? "true" : "false"
    access_key_secret_id   = oci_vault_secret.aws_access_key_id.id
    secret_key_secret_id   = oci_vault_secret.aws_secret_access_key.id
    topic_id               = oci_ons_notification_topic.alerts.id
    schedule_cron          = var.schedule_cron
    metrics_compartment_id = local.compartment_id
    metrics_namespace      = local.metrics_namespace
  }

  # deploy/cloud-init/cloud-init.yaml.tftpl: files travel base64-encoded so YAML never has to quote them.
  cloud_init_vars = {
    costsync_version     = var.costsync_version
    artifact_sha256      = local.artifact_sha256
    architecture         = local.architecture
    namespace            = data.oci_objectstorage_namespace.this.namespace
    bucket               = oci_objectstorage_bucket.artifacts.name
    region               = var.region
    appsettings_json_b64 = base64encode(templatefile("${path.module}/../cloud-init/appsettings.json.tftpl", local.appsettings_vars))
    costsync_service_b64 = base64encode(file("${path.module}/../systemd/costsync.service"))
    upgrade_sh_b64       = base64encode(file("${path.module}/../upgrade.sh"))
    install_sh_b64       = base64encode(file("${path.module}/../cloud-init/install.sh"))
  }
}

resource "oci_identity_compartment" "costsync" {
  count          = var.create_compartment ? 1 : 0
  compartment_id = var.parent_compartment_id != "" ? var.parent_compartment_id : var.tenancy_ocid
  name           = var.name_prefix
  description    = "CostSync: copies OCI cost and usage reports to S3"
  enable_delete  = true
  freeform_tags  = var.freeform_tags
}
