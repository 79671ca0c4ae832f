# Optional SSH access (create_bastion = true): OCI Bastion port-forwarding sessions to the VM's private IP, port 22.
# Port forwarding needs no Cloud Agent plugin, so the agent keeps its defaults.
resource "oci_bastion_bastion" "costsync" {
  count                        = var.create_bastion ? 1 : 0
  bastion_type                 = "STANDARD"
  compartment_id               = local.compartment_id
  target_subnet_id             = local.subnet_id
  name                         = "${replace(var.name_prefix, "-", "")}bastion"
  client_cidr_block_allow_list = var.bastion_client_cidrs
  max_session_ttl_in_seconds   = 10800
  freeform_tags                = var.freeform_tags
}
