/**
 * Runs async sections one at a time. The SharePoint store holds it around a commit (Graph writes, then the
 * mirror) and around applying a delta page, so the delta reader never sees our own write before the mirror
 * and the item index know its eTag — otherwise it would take our write for a person's edit.
 */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.tail.then(section, section);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
