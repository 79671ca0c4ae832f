# A private subnet only: egress to AWS S3 through a NAT gateway, to Object Storage / Vault / Notifications through a
# service gateway. Nothing can reach the VM from the internet; SSH comes only from inside the subnet (Bastion sessions).
data "oci_core_services" "all" {
  filter {
    name   = "name"
    values = ["All .* Services In Oracle Services Network"]
    regex  = true
  }
}

resource "oci_core_vcn" "costsync" {
  count          = var.create_vcn ? 1 : 0
  compartment_id = local.compartment_id
  cidr_blocks    = [var.vcn_cidr]
  display_name   = "${var.name_prefix}-vcn"
  dns_label      = "costsync"
  freeform_tags  = var.freeform_tags
}

resource "oci_core_nat_gateway" "costsync" {
  count          = var.create_nat_gateway ? 1 : 0
  compartment_id = local.compartment_id
  vcn_id         = local.vcn_id
  display_name   = "${var.name_prefix}-nat"
  freeform_tags  = var.freeform_tags
}

resource "oci_core_service_gateway" "costsync" {
  count          = var.create_service_gateway ? 1 : 0
  compartment_id = local.compartment_id
  vcn_id         = local.vcn_id
  display_name   = "${var.name_prefix}-services"
  freeform_tags  = var.freeform_tags
  services {
    service_id = local.oracle_services.id
  }
}

resource "oci_core_route_table" "private" {
  count          = var.create_private_subnet ? 1 : 0
  compartment_id = local.compartment_id
  vcn_id         = local.vcn_id
  display_name   = "${var.name_prefix}-private"
  freeform_tags  = var.freeform_tags
  route_rules {
    description       = "AWS S3 and package mirrors outside OCI"
    destination       = "0.0.0.0/0"
    destination_type  = "CIDR_BLOCK"
    network_entity_id = local.nat_gateway_id
  }
  route_rules {
    description       = "Object Storage (bling, artifacts), Vault, Notifications: never over the internet"
    destination       = local.oracle_services.cidr_block
    destination_type  = "SERVICE_CIDR_BLOCK"
    network_entity_id = local.service_gateway_id
  }
}

resource "oci_core_security_list" "private" {
  count          = var.create_private_subnet ? 1 : 0
  compartment_id = local.compartment_id
  vcn_id         = local.vcn_id
  display_name   = "${var.name_prefix}-private"
  freeform_tags  = var.freeform_tags
  egress_security_rules {
    description = "HTTPS to AWS S3 (NAT gateway)"
    destination = "0.0.0.0/0"
    protocol    = "6"
    tcp_options {
      min = 443
      max = 443
    }
  }
  egress_security_rules {
    description      = "HTTPS to OCI services (service gateway)"
    destination      = local.oracle_services.cidr_block
    destination_type = "SERVICE_CIDR_BLOCK"
    protocol         = "6"
    tcp_options {
      min = 443
      max = 443
    }
  }
  ingress_security_rules {
    description = "SSH from the subnet only (the Bastion's private endpoint)"
    source      = var.private_subnet_cidr
    protocol    = "6"
    tcp_options {
      min = 22
      max = 22
    }
  }
}

resource "oci_core_subnet" "private" {
  count                      = var.create_private_subnet ? 1 : 0
  compartment_id             = local.compartment_id
  vcn_id                     = local.vcn_id
  cidr_block                 = var.private_subnet_cidr
  display_name               = "${var.name_prefix}-private"
  dns_label                  = "private"
  prohibit_public_ip_on_vnic = true
  prohibit_internet_ingress  = true
  route_table_id             = oci_core_route_table.private[0].id
  security_list_ids          = [oci_core_security_list.private[0].id]
  freeform_tags              = var.freeform_tags
}
