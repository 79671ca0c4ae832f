# Plan-time checks, before anything is created: the home region, and every brownfield toggle has its OCID.
data "oci_identity_region_subscriptions" "home" {
  tenancy_id = var.tenancy_ocid
  filter {
    name   = "is_home_region"
    values = ["true"]
  }

  lifecycle {
    precondition {
      condition     = var.create_compartment || var.existing_compartment_id != ""
      error_message = "create_compartment = false needs existing_compartment_id (the compartment CostSync's resources go into)."
    }
    precondition {
      condition     = var.create_vcn || var.existing_vcn_id != "" || (!var.create_private_subnet && !var.create_nat_gateway && !var.create_service_gateway)
      error_message = "create_vcn = false needs existing_vcn_id (the stack still creates a subnet or a gateway in it)."
    }
    precondition {
      condition     = var.create_private_subnet || var.existing_subnet_id != ""
      error_message = "create_private_subnet = false needs existing_subnet_id (a private subnet with routes to a NAT gateway and a service gateway)."
    }
    precondition {
      condition     = var.create_nat_gateway || var.existing_nat_gateway_id != "" || !var.create_private_subnet
      error_message = "create_nat_gateway = false needs existing_nat_gateway_id: the new subnet's route table sends 0.0.0.0/0 (AWS S3) to it."
    }
    precondition {
      condition     = var.create_service_gateway || var.existing_service_gateway_id != "" || !var.create_private_subnet
      error_message = "create_service_gateway = false needs existing_service_gateway_id: the new subnet's route table sends the Oracle Services Network to it."
    }
    precondition {
      condition     = var.create_vault || var.existing_vault_id != ""
      error_message = "create_vault = false needs existing_vault_id (the vault that holds the AWS-key secrets)."
    }
    precondition {
      condition     = var.create_key || var.existing_key_id != ""
      error_message = "create_key = false needs existing_key_id (an AES master encryption key in the vault)."
    }
    precondition {
      condition     = var.create_vault || !var.create_key || var.existing_vault_management_endpoint != ""
      error_message = "Creating a key in an existing vault needs existing_vault_management_endpoint (the vault's management endpoint), or set create_key = false and existing_key_id."
    }
    precondition {
      condition     = !var.create_bastion || length(var.bastion_client_cidrs) > 0
      error_message = "create_bastion = true needs bastion_client_cidrs, e.g. [\"203.0.113.4/32\"] (the public addresses allowed to open sessions)."
    }
    # bling is readable only in the home region, and IAM resources are created there.
    postcondition {
      condition     = length(self.region_subscriptions) == 1 && self.region_subscriptions[0].region_name == var.region
      error_message = "region = \"${var.region}\" is not the tenancy's home region (${join("", self.region_subscriptions[*].region_name)}). CostSync must run in the home region: bling is readable only there and IAM resources live there. Set region (and the provider profile's region) to the home region."
    }
  }
}
