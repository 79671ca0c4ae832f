# What an operator needs after `tofu apply`: `tofu output -raw set_aws_keys`, then `tofu output -raw check_service`.
output "instance_id" {
  description = "OCID of CostSync's VM (the dynamic group matches it)."
  value       = oci_core_instance.costsync.id
}

output "instance_private_ip" {
  description = "The VM's private IP (it has no public one)."
  value       = oci_core_instance.costsync.private_ip
}

output "topic_id" {
  description = "The ONS alert topic (CostSync:Alerts:TopicId). Confirm the subscription e-mail sent to alert_email."
  value       = oci_ons_notification_topic.alerts.id
}

output "dead_man_alarm_id" {
  description = "The OCI Monitoring alarm that e-mails the alert topic when no CostSync run succeeded (or none posted metrics) for dead_man_alarm_hours."
  value       = oci_monitoring_alarm.dead_man.id
}

output "artifact" {
  description = "The installed build: tarball in the artifact bucket and its SHA-256."
  value       = "oci://${oci_objectstorage_bucket.artifacts.name}@${data.oci_objectstorage_namespace.this.namespace}/${local.artifact_name} sha256 ${local.artifact_sha256}"
}

output "set_aws_keys" {
  description = "Run these (anywhere with the OCI CLI) to put the AWS keys into Vault; each reads the key without echo, so it stays out of the shell history. Rotating the keys is the same command; the next run uses them."
  value       = <<-EOT
    read -rs AWS_ACCESS_KEY_ID && oci vault secret update-base64 --region ${var.region} --secret-id ${oci_vault_secret.aws_access_key_id.id} --secret-content-content "$(printf %s "$AWS_ACCESS_KEY_ID" | base64 -w0)"
    read -rs AWS_SECRET_ACCESS_KEY && oci vault secret update-base64 --region ${var.region} --secret-id ${oci_vault_secret.aws_secret_access_key.id} --secret-content-content "$(printf %s "$AWS_SECRET_ACCESS_KEY" | base64 -w0)"
  EOT
}

output "bastion_session_command" {
  description = "How to reach the VM over SSH (create_bastion = true)."
  value = var.create_bastion ? (<<-EOT
    oci bastion session create-port-forwarding --region ${var.region} --bastion-id ${oci_bastion_bastion.costsync[0].id} --target-private-ip ${oci_core_instance.costsync.private_ip} --target-port 22 --session-ttl 10800 --ssh-public-key-file ~/.ssh/id_ed25519.pub --wait-for-state SUCCEEDED
    # then, with the session OCID it prints:
    ssh -i ~/.ssh/id_ed25519 -N -L 2222:${oci_core_instance.costsync.private_ip}:22 SESSION_OCID@host.bastion.${var.region}.oci.oraclecloud.com &
    ssh -i ~/.ssh/id_ed25519 -p 2222 opc@localhost
  EOT
  ) : "No Bastion: set create_bastion = true, bastion_client_cidrs and ssh_public_key, then tofu apply."
}

output "check_service" {
  description = "On the VM: is CostSync healthy?"
  value       = <<-EOT
    sudo systemctl status costsync
    sudo -u costsync /opt/costsync/current/CostSync doctor --send-test-alert
    sudo journalctl -u costsync -f
    sudo tail -f /var/log/costsync/costsync-*.log
  EOT
}

output "upgrade_command" {
  description = "On the VM: install the build of this apply (after deploy/package.sh VERSION and tofu apply -var costsync_version=VERSION); roll back with --rollback."
  value       = <<-EOT
    sudo costsync-upgrade ${var.costsync_version} ${local.artifact_sha256}
    sudo costsync-upgrade --rollback
  EOT
}
