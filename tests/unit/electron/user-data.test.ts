import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { USER_DATA_FOLDER_NAME } from '../../../electron/main/app-identity';
import { pinUserDataPath } from '../../../electron/main/user-data';

describe('pinUserDataPath', () => {
  it('sets userData to appData/"AED Writer", whatever the app is called', () => {
    const app = {
      getPath: vi.fn((name: string) => (name === 'appData' ? '/home/t/.config' : `/x/${name}`)),
      setPath: vi.fn(),
    };
    expect(pinUserDataPath(app as never)).toBe(join('/home/t/.config', 'AED Writer'));
    expect(app.setPath).toHaveBeenCalledWith(
      'userData',
      join('/home/t/.config', USER_DATA_FOLDER_NAME),
    );
    expect(app.getPath).toHaveBeenCalledWith('appData');
  });
});
