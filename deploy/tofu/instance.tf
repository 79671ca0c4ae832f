# The VM: Oracle Linux 9, private IP only, instance principal only (no OCI key on disk), IMDS v2 only, the OCI Cloud
# Agent's defaults. cloud-init installs the pinned build at the first boot.
#
# ignore_changes: user_data runs only at the first boot, so a new costsync_version (or any change to the cloud-init
# files) must not replace the VM and with it the state in /var/lib/costsync: upgrades go through deploy/upgrade.sh.
# The image is chosen once for the same reason. To rebuild the VM on purpose: tofu apply -replace=oci_core_instance.costsync
data "oci_identity_availability_domains" "all" {
  compartment_id = var.tenancy_ocid
}

data "oci_core_images" "oracle_linux" {
  compartment_id           = local.compartment_id
  operating_system         = "Oracle Linux"
  operating_system_version = "9"
  shape                    = var.instance_shape
  sort_by                  = "TIMECREATED"
  sort_order               = "DESC"
  state                    = "AVAILABLE"
}

resource "oci_core_instance" "costsync" {
  availability_domain = data.oci_identity_availability_domains.all.availability_domains[var.availability_domain_number - 1].name
  compartment_id      = local.compartment_id
  display_name        = var.name_prefix
  shape               = var.instance_shape
  freeform_tags       = var.freeform_tags

  shape_config {
    ocpus         = var.instance_ocpus
    memory_in_gbs = var.instance_memory_gbs
  }

  create_vnic_details {
    subnet_id        = local.subnet_id
    assign_public_ip = false
    display_name     = "${var.name_prefix}-vnic"
  }

  source_details {
    source_type = "image"
    source_id   = var.image_id != "" ? var.image_id : data.oci_core_images.oracle_linux.images[0].id
  }

  instance_options {
    are_legacy_imds_endpoints_disabled = true
  }

  metadata = merge(
    { user_data = base64gzip(templatefile("${path.module}/../cloud-init/cloud-init.yaml.tftpl", local.cloud_init_vars)) },
    var.ssh_public_key == "" ? {} : { ssh_authorized_keys = var.ssh_public_key },
  )

  # The tarball must be in the bucket before the first boot downloads it.
  depends_on = [oci_objectstorage_object.tarball, oci_objectstorage_object.tarball_sha256]

  lifecycle {
    ignore_changes = [metadata, source_details[0].source_id]
  }
}
