"use client";
import Alert from "@cloudscape-design/components/alert";
import Box from "@cloudscape-design/components/box";
import Button from "@cloudscape-design/components/button";
import CopyToClipboard from "@cloudscape-design/components/copy-to-clipboard";
import KeyValuePairs from "@cloudscape-design/components/key-value-pairs";
import Modal from "@cloudscape-design/components/modal";
import SpaceBetween from "@cloudscape-design/components/space-between";

/** Shows credentials exactly once: Leastwise keeps only a hash (passwords) or encrypted copy (keys). */
export function SecretOnceModal({
  title,
  items,
  onClose,
}: {
  title: string;
  items: { label: string; value: string; secret?: boolean }[] | null;
  onClose: () => void;
}) {
  return (
    <Modal
      visible={!!items}
      onDismiss={onClose}
      header={title}
      footer={
        <Box float="right">
          <Button variant="primary" onClick={onClose} data-testid="secret-done">
            I have saved it
          </Button>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <Alert type="warning">This is the only time the secret is shown. Copy it now; it cannot be displayed again.</Alert>
        <KeyValuePairs
          columns={1}
          items={(items ?? []).map((i) => ({
            label: i.label,
            value: (
              <CopyToClipboard
                variant="inline"
                textToCopy={i.value}
                copyButtonAriaLabel={`Copy ${i.label}`}
                copySuccessText={`${i.label} copied`}
                copyErrorText={`${i.label} could not be copied`}
              />
            ),
          }))}
        />
        {(items ?? []).map((i) => (
          <code key={i.label} data-testid={`secret-${i.label.toLowerCase().replace(/\W+/g, "-")}`} style={{ display: "none" }}>
            {i.value}
          </code>
        ))}
      </SpaceBetween>
    </Modal>
  );
}
