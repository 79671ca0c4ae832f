# The AWS keys live in Vault, never in tofu: the provider has no write-only secret content, so anything given to
# oci_vault_secret lands in the state in clear text. Both secrets start as a placeholder that CostSync recognises
# ("the AWS keys have not been set yet"); `tofu output set_aws_keys` prints the commands that set the real keys, and
# ignore_changes keeps tofu from ever putting the placeholder back over them.
resource "oci_kms_vault" "costsync" {
  count          = var.create_vault ? 1 : 0
  compartment_id = local.compartment_id
  display_name   = "${var.name_prefix}-vault"
  vault_type     = "DEFAULT"
  freeform_tags  = var.freeform_tags
}

resource "oci_kms_key" "costsync" {
  count               = var.create_key ? 1 : 0
  compartment_id      = local.compartment_id
  display_name        = "${var.name_prefix}-secrets"
  management_endpoint = local.vault_endpoint
  protection_mode     = "HSM"
  freeform_tags       = var.freeform_tags
  key_shape {
    algorithm = "AES"
    length    = 32
  }
}

resource "oci_vault_secret" "aws_access_key_id" {
  compartment_id = local.compartment_id
  vault_id       = local.vault_id
  key_id         = local.key_id
  secret_name    = "${var.name_prefix}-aws-access-key-id"
  description    = "AWS access key id of CostSync's S3 writer (set with `tofu output set_aws_keys`)"
  freeform_tags  = var.freeform_tags
  secret_content {
    content_type = "BASE64"
    content      = base64encode(local.vault_placeholder)
  }
  lifecycle {
    ignore_changes = [secret_content]
  }
}

resource "oci_vault_secret" "aws_secret_access_key" {
  compartment_id = local.compartment_id
  vault_id       = local.vault_id
  key_id         = local.key_id
  secret_name    = "${var.name_prefix}-aws-secret-access-key"
  description    = "AWS secret access key of CostSync's S3 writer (set with `tofu output set_aws_keys`)"
  freeform_tags  = var.freeform_tags
  secret_content {
    content_type = "BASE64"
    content      = base64encode(local.vault_placeholder)
  }
  lifecycle {
    ignore_changes = [secret_content]
  }
}
