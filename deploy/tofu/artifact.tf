# The pinned build: deploy/package.sh's tarball for the VM's architecture and its SHA-256 file, uploaded to a private
# bucket. cloud-init (and deploy/upgrade.sh) download them with the instance principal and check the SHA-256.
data "oci_objectstorage_namespace" "this" {
  compartment_id = var.tenancy_ocid
}

resource "oci_objectstorage_bucket" "artifacts" {
  compartment_id = local.compartment_id
  namespace      = data.oci_objectstorage_namespace.this.namespace
  name           = "${var.name_prefix}-artifacts"
  access_type    = "NoPublicAccess"
  versioning     = "Enabled"
  freeform_tags  = var.freeform_tags
}

resource "oci_objectstorage_object" "tarball" {
  namespace    = data.oci_objectstorage_namespace.this.namespace
  bucket       = oci_objectstorage_bucket.artifacts.name
  object       = local.artifact_name
  source       = local.artifact_path
  content_type = "application/gzip"

  lifecycle {
    precondition {
      condition     = fileexists(local.artifact_path) && fileexists("${local.artifact_path}.sha256")
      error_message = "${local.artifact_path} (or its .sha256) does not exist. Build it first: deploy/package.sh ${var.costsync_version}"
    }
    precondition {
      condition     = try(split(" ", file("${local.artifact_path}.sha256"))[0], "") == local.artifact_sha256
      error_message = "${local.artifact_name} does not match its .sha256 file. Rebuild it: deploy/package.sh ${var.costsync_version}"
    }
  }
}

resource "oci_objectstorage_object" "tarball_sha256" {
  namespace    = data.oci_objectstorage_namespace.this.namespace
  bucket       = oci_objectstorage_bucket.artifacts.name
  object       = "${local.artifact_name}.sha256"
  content      = "${local.artifact_sha256}  ${local.artifact_name}\n"
  content_type = "text/plain"
}
